"""Layouts of real ministry pages of 2004-2025 (see ../shared/real/README.md), each as a text written for the
test: the site's head without date lines, an unknown board, the older bulleted metadata, briefing headers over
several lines, furniture inside the body, hard-wrapped dumps, republished copies, body-only copies."""

from __future__ import annotations

import datetime as dt

from pipeline.stages.clean import clean_bytes
from pipeline.stages.clean.lexicon import load_lexicon
from pipeline.stages.clean.text import group_blocks, is_headline, split_briefing_header
from schemas.models import CleanDocument

HEAD = "바로가기 메뉴\n본문 바로가기\n주메뉴 바로가기\n검색창 열기\n\n"
BODY = ("1. Minister of Foreign Affairs Lee Ha-jin held talks with the Foreign Minister of Chile on March 3 and "
        "discussed ways to expand cooperation in trade and climate change.\n\n"
        "2. The two ministers agreed to hold the next round of talks in Santiago later this year.\n")


def _one(text: str, name: str = "page.txt") -> CleanDocument:
    (doc,) = clean_bytes(name, text.encode("utf-8"))
    assert isinstance(doc, CleanDocument), doc
    return doc


def _sections(doc: CleanDocument) -> list[tuple[str, str]]:
    return [(p.section, doc.text[p.start:p.end]) for p in doc.paragraphs]


def test_site_head_without_date_lines_gives_board_and_title() -> None:
    doc = _one(HEAD + "Press Releases\n\nOutcome of Korea-Chile Foreign Ministers’ Talks\n\n\n" + BODY)
    assert doc.input_format == "mofa_text"
    assert (doc.category, doc.title, doc.published, doc.hits) == (
        "Press Releases", "Outcome of Korea-Chile Foreign Ministers’ Talks", None, None)
    assert doc.text.split("\n\n")[1].startswith("1. Minister of Foreign Affairs Lee Ha-jin")
    assert "바로가기" not in doc.text


def test_a_board_the_lexicon_does_not_know_is_still_the_category() -> None:
    doc = _one(HEAD + "Embassy Activities\n\nAmbassador Visits the Port of Valparaiso\n\n" + BODY)
    assert (doc.category, doc.title) == ("Embassy Activities", "Ambassador Visits the Port of Valparaiso")


def test_older_layout_with_bulleted_date_and_hit() -> None:
    page = ("Skip navigation\n\nCountries Information\n\n  1. HOME\n  2. Press\n  3. Press Releases\nPress Releases\n"
            "Press Releases 상세보기\n\nOutcome of Korea-Chile Foreign Ministers’ Talks\n\n"
            "  • Date : 2018-06-14 16:38:17\n  • Hit : 1012\n\n" + BODY + "\n\n* unofficial translation")
    doc = _one(page)
    assert (doc.category, doc.published, doc.hits) == ("Press Releases", dt.date(2018, 6, 14), 1012)
    assert doc.title == "Outcome of Korea-Chile Foreign Ministers’ Talks"
    assert "unofficial translation" not in doc.text and not any(s == "footnote" for s, _ in _sections(doc))


def test_briefing_header_over_several_lines_is_the_header_and_its_date_the_date() -> None:
    page = (HEAD + "Press Briefings\n\nSpokesperson's Press Briefing (Oct. 2, 2014)\n\n\nPress Briefing\n"
            "Spokesperson and Deputy Minister for Public Relations Han Min-seo\nOct. 2, 2014  14:30  KST\n\n"
            "Good afternoon. Let me start today’s briefing.\n\nFirst, the Government strongly condemns the attack.\n")
    doc = _one(page)
    sections = _sections(doc)
    assert sections[1][0] == "header" and "Han Min-seo" in sections[1][1] and "KST" in sections[1][1]
    assert sections[2] == ("body", "Let me start today’s briefing.")
    assert doc.published == dt.date(2014, 10, 2)


def test_briefing_header_splitter_takes_the_greeting_paragraph_too() -> None:
    lex = load_lexicon()
    header, date, rest = split_briefing_header(
        ["Press Briefing", "Spokesperson Kim", "May 4, 2021 14:30 KST", "Good afternoon.", "First, ..."], lex)
    assert header is not None and header.endswith("KST") and date == dt.date(2021, 5, 4) and rest == ["First, ..."]
    assert split_briefing_header(["The Press Briefing room was full on May 4, 2021."], lex)[0] is None


def test_furniture_inside_the_body_and_the_closing_signature_go() -> None:
    page = (HEAD + "Press Releases\n\nStatement on the Earthquake in Chile\n\n[Unofficial Translation]\n\nphoto\n\n"
            "1. The Government of the Republic of Korea expresses its deepest condolences. /End/\n\n"
            "Photo : Minister Lee signs the condolence book\n\nLink copied\n\n"
            "Spokesperson and Deputy Minister for Public Relations of MOFA\n\n"
            "* Korea provided USD 1 million in 2010.\n")
    doc = _one(page)
    sections = _sections(doc)
    assert sections[1:] == [("body", "1. The Government of the Republic of Korea expresses its deepest condolences."),
                            ("footnote", "Korea provided USD 1 million in 2010.")]


def test_a_signature_like_sentence_in_the_middle_of_the_body_stays() -> None:
    page = (HEAD + "Press Releases\n\nA Title of the Release Here\n\n"
            "Spokesperson Kim said the talks went well.\n\nThe talks will continue.\n")
    assert "Spokesperson Kim said" in _one(page).text


def test_hard_wrapped_dump_is_joined_into_paragraphs_and_hyphenated_names_kept() -> None:
    lines = ["1. On the sidelines of the regional forum held in Busan this week, Foreign Minister Park Sung-",
             "Ho met with the Secretary of State of the United States and exchanged views on the alliance and",
             "the situation on the Korean Peninsula.",
             "2. The two sides agreed to hold a meeting of foreign and defense ministers next year in the city",
             "of Washington at a mutually convenient time for both of their governments and their staffs."]
    paragraphs = group_blocks(lines)
    assert len(paragraphs) == 2
    assert "Park Sung-Ho met with" in paragraphs[0] and paragraphs[1].startswith("2. The two sides")


def test_republished_copy_reads_its_header_as_metadata() -> None:
    page = ("Ministry of Foreign Affairs of the Republic of Korea\n\n07/01/2022 | Press release | Archived content\n\n"
            "Korea to Provide Humanitarian Assistance to Chile\n\n"
            "The Government of the Republic of Korea has decided to provide USD 1 million to Chile.\n\n"
            "The assistance is expected to help the recovery of the affected areas.\n")
    doc = _one(page)
    assert doc.title == "Korea to Provide Humanitarian Assistance to Chile"
    assert doc.published == dt.date(2022, 7, 1)
    assert "Archived content" not in doc.text and "Ministry of Foreign Affairs of the" not in doc.text


def test_archive_stamp_and_attribution_lines_are_not_the_title_or_the_date() -> None:
    page = (" date 2019-03-02 2 Mar 2019\n\nKorea to Provide Humanitarian Assistance to Chile\n\nReport\n"
            "from Government of the Republic of Korea\nPublished on 1 Mar 2019 View Original\n"
            "1. The Government of the Republic of Korea has decided to provide USD 1 million to Chile.\n\n"
            "2. The assistance is expected to help the recovery of the affected areas.\n")
    doc = _one(page)
    assert doc.title == "Korea to Provide Humanitarian Assistance to Chile"
    assert doc.published == dt.date(2019, 3, 1)
    assert doc.text.split("\n\n")[1].startswith("1. The Government")


def test_body_only_copy_has_no_title_and_loses_nothing() -> None:
    doc = _one(BODY)
    assert doc.title == "" and doc.text.startswith("1. Minister of Foreign Affairs Lee Ha-jin")
    assert [s for s, _ in _sections(doc)] == ["body", "body"]


def test_title_date_in_brackets_is_the_publication_date_when_no_date_line() -> None:
    doc = _one(HEAD + "Press Briefings\n\nSpokesperson's Press Briefing (June 26, 2018)\n\n" + BODY)
    assert doc.published == dt.date(2018, 6, 26)
    assert _one(HEAD + "Press Releases\n\nForeign Minister Holds Phone Call (5.25.)\n\n" + BODY).published is None


def test_newsletter_issue_date_and_share_widgets_between_board_and_title() -> None:
    page = ("e-Newsletter\n[131st Edition] Jul. 5, 2013\n\narticle print twitter facebook\n\n"
            "Foreign Minister Visits Chile\n\n\nMinister Meets with Chilean Business Leaders\n\n\n" + BODY)
    doc = _one(page)
    assert (doc.category, doc.title, doc.published) == ("e-Newsletter", "Foreign Minister Visits Chile",
                                                         dt.date(2013, 7, 5))
    assert doc.subtitle == "Minister Meets with Chilean Business Leaders"


def test_dash_opened_highlights_under_the_title_are_the_subtitle() -> None:
    page = (HEAD + "Press Releases\n\nAcademy Opens a Dialogue with Foreign Correspondents\n\n"
            "- Through a new agreement, the academy will hold a dialogue twice a year\n\n"
            "- The first dialogue focused on the region\n\n" + BODY)
    doc = _one(page)
    assert doc.subtitle is not None and doc.subtitle.startswith("Through a new agreement")
    assert doc.text.split("\n\n")[2].startswith("1. Minister")


def test_headline_case_is_told_from_sentences() -> None:
    assert is_headline("Foreign Minister Meets with Major US Diplomatic and Defense Officials")
    assert not is_headline("The two ministers agreed to hold the next round of talks.")
    assert not is_headline("Press Briefing")
    assert not is_headline("1. Outcome of the Talks With the Minister")


# -- news pages around the ministry's work (../shared/real/news): captions, stamps, decks, widgets ------------------
NEWS_BODY = ("Foreign Minister Lee Ha-jin said on Monday that Seoul would send an envoy to Santiago.\n\n"
             "The envoy will discuss a free trade deal, an official said.\n")


def test_news_captions_widgets_and_the_end_mark_are_not_body() -> None:
    page = ("Seoul to send envoy to Chile\n\nWrite : 2019-03-04 10:00:00 Update : 2019-03-04 11:30:00\n\n"
            "ⓕ font-size\n\n  • -1\n  • +1\n\n20190304_envoy_01.jpg\n\n"
            "Minister Lee (left) talks with the Chilean ambassador in Seoul on March 4.\n\n"
            "Foreign Minister Lee Ha-jin speaks to reporters in Seoul on Monday. (Yonhap)\n\n"
            + NEWS_BODY + "\n(END)\n\n-\nOther story of the day\n-\nAnother story\n")
    doc = _one(page)
    assert doc.published == dt.date(2019, 3, 4)
    assert [t for s, t in _sections(doc) if s == "body"] == [
        "Foreign Minister Lee Ha-jin said on Monday that Seoul would send an envoy to Santiago.",
        "The envoy will discuss a free trade deal, an official said."]


def test_a_wire_storys_last_paragraph_keeps_its_agency_credit() -> None:
    doc = _one("Seoul to send envoy to Chile\n\n" + NEWS_BODY.rstrip() + " (Yonhap)\n")
    assert doc.text.endswith("an official said. (Yonhap)")


def test_news_deck_byline_with_role_dated_byline_and_page_facts() -> None:
    doc = _one("Seoul to send envoy to Chile\n\nPosted on : 2019-03-04 10:00 KST\n"
               "The envoy is expected to discuss trade and the situation on the Korean Peninsula\n\n"
               "By Kim Min-ji, senior staff writer\n\n" + NEWS_BODY)
    assert doc.subtitle == "The envoy is expected to discuss trade and the situation on the Korean Peninsula"
    assert "staff writer" not in doc.text and doc.text.split("\n\n")[2].startswith("Foreign Minister Lee")
    doc = _one("Seoul to send envoy to Chile\nThe minister will meet business leaders in Santiago as well.\n"
               "- Asia\n- Example Agency\n- Published Date: 09:59 | 04 March 2019\n" + NEWS_BODY)
    assert doc.published == dt.date(2019, 3, 4) and "Example Agency" not in doc.text
    assert doc.subtitle == "The minister will meet business leaders in Santiago as well."
    doc = _one("From\nSend to\n\nSeoul to send envoy to Chile\n\nMar. 4, 2019 - 15:41 By Kim Min-ji\n" + NEWS_BODY)
    assert doc.title == "Seoul to send envoy to Chile" and doc.published == dt.date(2019, 3, 4)
    assert "Send to" not in doc.text and "By Kim" not in doc.text
