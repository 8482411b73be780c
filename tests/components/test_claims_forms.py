"""Claim forms and types that hold for any release, briefing or news story, with invented sentences (other
names, states, years, tenses and word orders than the real texts): a cue in a trailing adverbial clause with its
own subject ("urged X as he proposed Y") is a claim of its own; a cue verb the parser read as an adjective of its
object ("Minister X extended appreciation"); the type of a neutral cue from the reported clause (a verb of harm is
criticism, "it will" said by the speaker of itself a commitment); "expects that" a belief; a call noun as object;
a closing quote after a full stop stays in the content."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.engine import ids
from schemas.models import Paragraph, Person
from tests.components.claim_helpers import parse

P_HADDAD = ("person", "person:omar-haddad")
P_LUND = ("person", "person:eva-lund")


def _claims(doc) -> list[tuple[str | None, str, str, str]]:
    return [(c.speaker_id or c.speaker_text, c.cue, c.claim_type, c.content) for c in doc._.mofa_claims]


# -- several cues in one sentence: a trailing adverbial clause with its own subject --------------------------
def test_cue_in_a_trailing_as_clause_is_a_claim_of_its_own(nlp) -> None:
    doc = parse(nlp, "Secretary Lund urged Caracas to return to the negotiating table as she proposed a new round "
                     "of consultations in Oslo.",
                {"Secretary Lund": P_LUND, "Caracas": ("economy", "VEN"), "Oslo": ("location", "loc:oslo")})
    got = _claims(doc)
    assert ("person:eva-lund", "urge", "call", "Caracas to return to the negotiating table") in got
    assert any(c[:3] == ("person:eva-lund", "propose", "proposal") and c[3].startswith("a new round") for c in got)


def test_cue_in_a_trailing_while_clause_keeps_its_own_type(nlp) -> None:
    doc = parse(nlp, "Minister Haddad called for restraint on all sides, while he warned that the fighting could "
                     "spread across the border in 2031.",
                {"Minister Haddad": P_HADDAD})
    got = {(c[1], c[2]) for c in _claims(doc)}
    assert {("call for", "call"), ("warn", "criticism")} <= got
    call = next(c for c in _claims(doc) if c[1] == "call for")
    assert "warned" not in call[3]


def test_adverbial_clause_inside_a_reported_clause_stays_its_content(nlp) -> None:
    doc = parse(nlp, "Minister Haddad said that, as Jordan had stressed, the talks must go on.",
                {"Minister Haddad": P_HADDAD, "Jordan": ("economy", "JOR")})
    say = [c for c in _claims(doc) if c[1] == "say"]
    assert len(say) == 1 and say[0][3].endswith("the talks must go on")


# -- a cue verb the parser read as an adjective of its object ----------------------------------------------
def _hand_parsed(nlp) -> Doc:
    """'Minister Haddad extended appreciation to Egypt for its support.' parsed as one noun phrase, the verb an
    amod of 'appreciation' and the name a modifier of it (a misparse the small model makes on real pages)."""
    words = ["Minister", "Haddad", "extended", "appreciation", "to", "Egypt", "for", "its", "support", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 8 + [False, False],
              heads=[1, 3, 3, 3, 3, 4, 3, 8, 6, 3],
              deps=["compound", "nmod", "amod", "ROOT", "prep", "pobj", "prep", "poss", "pobj", "punct"],
              pos=["PROPN", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"],
              tags=["NNP", "NNP", "VBD", "NN", "IN", "NNP", "IN", "PRP$", "NN", "."],
              lemmas=["Minister", "Haddad", "extend", "appreciation", "to", "Egypt", "for", "its", "support", "."],
              sent_starts=[True] + [False] * 9)
    doc._.mofa_doc_id = ids.doc_id(None, doc.text)
    doc._.mofa_paragraphs = [Paragraph(paragraph_id=0, section="body", start=0, end=len(doc.text))]
    doc.spans["mofa"] = [doc.char_span(0, 15, label="person", kb_id="person:omar-haddad"),
                         doc.char_span(doc.text.index("Egypt"), doc.text.index("Egypt") + 5, label="economy",
                                       kb_id="EGY")]
    doc._.mofa_entities = {"person": {"person:omar-haddad": Person(person_id="person:omar-haddad",
                                                                    name="Omar Haddad", titles=["Minister"])}}
    return nlp.get_pipe("mofa_claims")(doc)


def test_cue_verb_misread_as_an_adjective_of_its_object(nlp) -> None:
    got = _claims(_hand_parsed(nlp))
    assert len(got) == 1
    speaker, cue, ctype, content = got[0]
    assert (speaker, cue, ctype) == ("person:omar-haddad", "extend", "support")
    assert content.startswith("appreciation to Egypt")


def test_participle_modifying_a_noun_is_no_misread_cue(nlp) -> None:
    doc = parse(nlp, "The extended deadline for the 2029 applications passed quietly.", {})
    assert _claims(doc) == []


# -- the type of a neutral cue from the clause it reports --------------------------------------------------
def test_verb_of_harm_in_the_reported_clause_is_criticism(nlp) -> None:
    doc = parse(nlp, "Ambassador Lund said the new base would undermine stability in the Baltic region.",
                {"Ambassador Lund": P_LUND})
    assert [c[2] for c in _claims(doc)] == ["criticism"]
    doc = parse(nlp, "Minister Haddad told reporters that ties with Ankara could be damaged by the decision.",
                {"Minister Haddad": P_HADDAD, "Ankara": ("economy", "TUR")})
    assert [c[2] for c in _claims(doc)] == ["criticism"]


def test_harmful_effect_and_danger_in_the_reported_clause_are_criticism(nlp) -> None:
    mentions = {"Ambassador Lund": P_LUND}
    doc = parse(nlp, "Ambassador Lund said the new tariffs would adversely affect trade across the Nordic region.",
                mentions)
    assert [c[2] for c in _claims(doc)] == ["criticism"]
    doc = parse(nlp, '"These tests will put the whole continent in danger," Ambassador Lund said on Friday.', mentions)
    assert [c[2] for c in _claims(doc)] == ["criticism"]
    doc = parse(nlp, "Ambassador Lund said the new policy will positively affect trade.", mentions)
    assert [c[2] for c in _claims(doc)] == ["statement"]


def test_negated_harm_is_no_criticism(nlp) -> None:
    doc = parse(nlp, "Ambassador Lund said the exercise would not harm the interests of Finland.",
                {"Ambassador Lund": P_LUND, "Finland": ("economy", "FIN")})
    assert [c[2] for c in _claims(doc)] == ["statement"]


def test_future_clause_of_the_speaker_itself_is_a_commitment(nlp) -> None:
    doc = parse(nlp, "The Trade Ministry stated that it would take all necessary steps to protect exporters.",
                {"The Trade Ministry": ("organization", "org:trade-ministry")})
    assert [c[2] for c in _claims(doc)] == ["commitment"]
    doc = parse(nlp, "Minister Haddad said he will work to reopen the border crossing next spring.",
                {"Minister Haddad": P_HADDAD})
    assert [c[2] for c in _claims(doc)] == ["commitment"]


def test_future_clause_about_others_or_plans_stays_a_statement(nlp) -> None:
    mentions = {"Minister Haddad": P_HADDAD, "Syria": ("economy", "SYR"), "Amman": ("location", "loc:amman")}
    for text in ("Minister Haddad said that Syria will face consequences.",
                 "Minister Haddad stated that it will be an honour to host the forum.",
                 "Minister Haddad said he would visit Amman in March 2030."):
        assert [c[2] for c in _claims(parse(nlp, text, mentions))] == ["statement"], text


def test_thing_named_after_states_is_not_their_commitment(nlp) -> None:
    doc = parse(nlp, "The two sides shared the view that the Chile-Norway FTA will increase trade.",
                {"Chile": ("economy", "CHL"), "Norway": ("economy", "NOR")})
    assert [c[2] for c in _claims(doc)] == ["statement"]


def test_expects_that_is_a_belief_expects_to_an_expectation(nlp) -> None:
    mentions = {"Minister Haddad": P_HADDAD, "Iraq": ("economy", "IRQ")}
    doc = parse(nlp, "Minister Haddad expected that the two countries would sign the accord within a year.", mentions)
    assert [c[2] for c in _claims(doc)] == ["belief"]
    doc = parse(nlp, "Minister Haddad expects Iraq to sign the accord within a year.", mentions)
    assert [c[2] for c in _claims(doc)] == ["expectation"]


def test_call_noun_as_object_is_a_call(nlp) -> None:
    doc = parse(nlp, "Secretary Lund reiterated her call for the early release of the detained journalists.",
                {"Secretary Lund": P_LUND})
    assert [c[2] for c in _claims(doc)] == ["call"]


# -- content boundaries ------------------------------------------------------------------------------------
def test_closing_quote_after_the_full_stop_stays_in_the_content(nlp) -> None:
    doc = parse(nlp, 'In her address, Secretary Lund called the shelling "an attack on all of us."',
                {"Secretary Lund": P_LUND})
    (claim,) = _claims(doc)
    assert claim[3].count('"') == 2
