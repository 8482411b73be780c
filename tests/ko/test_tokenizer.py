"""The kiwi tokenizer keeps the text, tags every token and splits sentences where a release does."""

from __future__ import annotations

import pytest

TEXTS = [
    "□ 홍길동 장관은 4.17.(수) 오후 외교부 청사에서  회담을 가졌다.\n ㅇ 양측은 2031.4.17. 합의문에 서명했다.",
    "가나다 대사는\u00a0\t“평화가 중요하다”고 말했습니다.\n\n\n※ 참고: 2030. 10. 5.(토) 행사",
    "  앞뒤 공백  ",
    "",
    "ABC-7 회의(Meeting)와 1,200만 명, 했다. 했고 했으며",
]


@pytest.mark.parametrize("text", TEXTS)
def test_lossless(ko_nlp, text):
    doc = ko_nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text


def test_tags_and_lemmas(ko_nlp):
    doc = ko_nlp.make_doc("홍길동 장관은 협력을 강조했다.")
    tags = {t.text: t.tag_ for t in doc}
    assert tags["장관"] == "NNG"
    assert tags["은"] == "JX"
    assert any("EP" in t.tag_ for t in doc)  # 했 = 하 + 었: one token with both tags
    assert doc[0].pos_ == "PROPN"


def test_dates_do_not_split_sentences(ko_nlp):
    doc = ko_nlp("나은별 차관은 6.2.(월) 방한했다. 이어서 2031.6.3. 회의에 참석했다.")
    sents = [s.text for s in doc.sents]
    assert sents == ["나은별 차관은 6.2.(월) 방한했다.", "이어서 2031.6.3. 회의에 참석했다."]


def test_line_starts_a_sentence_and_bullet_stays_with_it(ko_nlp):
    doc = ko_nlp("□ 회의 개최\n ㅇ 양측은 협력하기로 했다")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["□ 회의 개최", "ㅇ 양측은 협력하기로 했다"]


def test_official_names_not_split(ko_nlp):
    doc = ko_nlp.make_doc("조현 장관과 가미카와 요코 외무대신")
    words = [t.text for t in doc]
    assert "조현" in words and "가미카와" in words
