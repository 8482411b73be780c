"""The batch hook: documents of both languages come back in input order, each through its own pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.ko import route
from schemas.models import DocResult
from tests.ko.conftest import make_cdoc

ROOT = Path(__file__).resolve().parents[2]


def _english(cdocs):
    for cdoc in cdocs:
        yield DocResult(document=cdoc.to_document())


def test_route_keeps_order_and_sends_korean_to_the_korean_pipeline(ko_nlp):
    en = [make_cdoc("The minister stressed cooperation.", doc_id=f"e{i}").model_copy(update={"language": "en"})
          for i in range(3)]
    ko = [make_cdoc("홍길동 외교부 장관은 협력을 강조했다.", doc_id=f"k{i}") for i in range(2)]
    docs = [en[0], ko[0], ko[1], en[1], en[2]]
    results = list(route(docs, _english))
    assert [r.document.doc_id for r in results] == ["e0", "k0", "k1", "e1", "e2"]
    assert [len(r.claims) for r in results] == [0, 1, 1, 0, 0]
    assert results[1].document.language == "ko"


def test_route_without_korean_never_loads_kiwi():
    code = ("import sys; from pipeline.ko import route; from tests.ko.conftest import make_cdoc; "
            "from schemas.models import DocResult; "
            "docs = [make_cdoc('Text.', doc_id='e').model_copy(update={'language': 'en'})]; "
            "out = list(route(docs, lambda run: (DocResult(document=c.to_document()) for c in run))); "
            "assert len(out) == 1 and 'kiwipiepy' not in sys.modules and 'pipeline.ko.extract' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_proposed_hook_runs_a_mixed_batch(nlp, ko_nlp):
    """What pipeline.stages.extract.extract_all becomes once plugged in: route() around today's English body."""
    from pipeline.stages.extract import extract_all as english_all

    def extract_all(cdocs, batch_size=32):
        return route(cdocs, lambda run: english_all(nlp, run, batch_size))

    en = make_cdoc("Foreign Minister Cho Tae-yul stressed that cooperation with Chile matters.",
                   doc_id="e0").model_copy(update={"language": "en"})
    ko = make_cdoc("조태열 외교부 장관은 칠레와의 협력이 중요하다고 강조했다.", published=None, doc_id="k0")
    r_en, r_ko = extract_all([en, ko])
    assert {p.person_id for p in r_en.people} == {p.person_id for p in r_ko.people} == {"person:cho-tae-yul"}
    assert [c.speaker_id for c in r_en.claims] == [c.speaker_id for c in r_ko.claims] == ["person:cho-tae-yul"]
    assert r_en.claims[0].economy_ids == r_ko.claims[0].economy_ids == ["CHL"]
