"""The entity finder's steps: one declared order, every step registered and run, each later step respecting
the tokens the earlier ones took."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.components.ent_common import DocView
from pipeline.components.ent_steps import ORDER, Taken, ordered_steps, step
from pipeline.stages.extract import make_doc
from schemas.models import CleanDocument, Paragraph

TEXT = ("Foreign Minister Cho Tae-yul met Peruvian Minister of Foreign Affairs Elmer Schialer in Lima on November 14. "
        "The two ministers attended the APEC Ministerial Meeting (AMM) and welcomed the Lima Roadmap. "
        "The Korea International Cooperation Agency (KOICA) will join the talks.")


def _noop(tools, taken) -> None:
    return None


def test_the_order_runs_every_registered_step_once():
    steps = ordered_steps()
    assert len(steps) == len(ORDER) == len(set(steps))


def test_a_step_nobody_registered_is_an_error():
    with pytest.raises(ValueError, match="nobody registered: coreference"):
        ordered_steps(("places", "coreference"), {"places": _noop})


def test_a_registered_step_left_out_of_the_order_is_an_error():
    with pytest.raises(ValueError, match="missing from the order: dates"):
        ordered_steps(("places",), {"places": _noop, "dates": _noop})


def test_a_step_named_twice_is_an_error():
    with pytest.raises(ValueError, match="twice"):
        ordered_steps(("places", "places"), {"places": _noop})
    with pytest.raises(ValueError, match="registered twice"):
        step("places")(_noop)
    assert len(ordered_steps()) == len(ORDER)  # the failed registration changed nothing


@pytest.fixture(scope="module")
def record(nlp) -> tuple[Taken, list]:
    """The steps run one by one on a release parsed up to the entity component; the record after each step."""
    cdoc = CleanDocument(doc_id="dsteps", source="t.txt", sha256="0", input_format="text", title="t",
                         language="en", text=TEXT, published=dt.date(2024, 11, 15),
                         paragraphs=[Paragraph(paragraph_id=0, section="body", start=0, end=len(TEXT))])
    doc = make_doc(nlp, cdoc)
    for name, proc in nlp.pipeline:
        if name == "mofa_entities":
            break
        doc = proc(doc)
    finder = nlp.get_pipe("mofa_entities")
    taken = Taken(DocView(doc))  # type: ignore[arg-type]
    after = []
    for run in finder.steps:
        run(finder.tools, taken)
        after.append((len(taken.places), len(taken.orgs_found), len(taken.people_found), len(taken.found)))
    return taken, after


def test_the_record_holds_every_finder_s_results(record):
    taken, _ = record
    assert set(taken.people) == {"person:cho-tae-yul", "person:elmer-schialer"}
    assert set(taken.economies) == {"PER"}  # "Korea" in KOICA's name is no economy mention
    assert any(o.acronym == "KOICA" for o in taken.orgs.values())
    assert any(e.acronym == "AMM" for e in taken.events.values())
    assert any(i.name == "Lima Roadmap" for i in taken.initiatives.values())
    assert taken.dates_found


def test_later_steps_respect_the_tokens_taken(record):
    taken, after = record
    people = {i for f in taken.people_found for i in range(f.start, f.end)}
    titles = taken.title_tokens
    # named meetings and initiatives, and bodies named by their shape, never over a person or a title
    assert not any(i in people | titles for f in taken.named_found for i in range(f.start, f.end))
    # "Korea" opening the agency's name is no economy mention of its own
    koica = next(f for f in taken.orgs_found if taken.orgs[f.entity_id].acronym == "KOICA")
    assert not any(f.kind == "economy" and koica.start <= f.start < koica.end for f in taken.places)
    # the mentions step gathers all: nothing is found before it, one mention per span after
    mentions = ORDER.index("mentions")
    assert after[mentions - 1][3] == 0 and after[mentions][3] > 0
    assert len({(f.start, f.end) for f in taken.found}) == len(taken.found)
