"""The gazetteer ruler that runs before the model's ``ner``: economies, places, organisations and named
meetings/initiatives from the data files are fixed in ``doc.ents`` so that the statistical NER predicts around
them (it no longer calls "APEC Ministerial Meeting" or "Brunei Darussalam" a person), and known titles are
marked as outside any entity (the NER cannot swallow "Minister of Foreign Trade and Tourism" into an ORG or a
PERSON). Matching (:meth:`GazetteerRuler.match`) is kept apart from :meth:`GazetteerRuler.set_annotations`.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components.ent_common import DocView, real_doc
from pipeline.components.ent_lexicon import DATA_DIR, Lexicon, load_lexicon, with_model_words
from pipeline.components.ent_named import find_named
from pipeline.components.ent_places import geographic_spans
from pipeline.components.ent_titles import TitleParser

# OntoNotes labels the model knows, one per kind of the project's mentions.
DEFAULT_LABELS = {"economy": "GPE", "city": "GPE", "location": "LOC", "organization": "ORG", "event": "EVENT",
                  "initiative": "LAW", "person": "PERSON", "date": "DATE"}


@Language.factory("mofa_entity_ruler", default_config={"data_dir": "", "labels": DEFAULT_LABELS,
                                                        "block_titles": True})
def make_entity_ruler(nlp: Language, name: str, data_dir: str, labels: dict[str, str],
                      block_titles: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, with_model_words(load_lexicon(Path(data_dir) if data_dir else DATA_DIR), nlp),
                          labels, block_titles)


def build_phrase_matcher(nlp: Language, lex: Lexicon, labels: dict[str, str]) -> PhraseMatcher:
    """Case-sensitive phrase patterns from the gazetteers, keyed by the label they set."""
    groups: dict[str, set[str]] = {}
    groups.setdefault(labels["economy"], set()).update(lex.economy_names)
    for place, code in lex.locations.items():
        groups.setdefault(labels["city" if code else "location"], set()).add(place)
    for org in lex.orgs:
        groups.setdefault(labels["organization"], set()).update(
            [org.name, *org.aliases] + ([org.acronym] if org.acronym else []))
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, texts in groups.items():
        matcher.add(label, [nlp.make_doc(t) for t in sorted(texts)])
    return matcher


class GazetteerRuler:
    def __init__(self, nlp: Language, lex: Lexicon, labels: dict[str, str], block_titles: bool) -> None:
        self.lex = lex
        self.labels = {**DEFAULT_LABELS, **labels}
        self.matcher = build_phrase_matcher(nlp, lex, self.labels)
        self.titles = TitleParser(lex)
        self.block_titles = block_titles

    def __call__(self, doc: Doc) -> Doc:
        ents, outside = self.match(DocView(doc))  # type: ignore[arg-type]  # tokens read once per release
        return self.set_annotations(doc, ents, outside)

    def match(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Entity spans (gazetteer names and named meetings/initiatives, longest first) and title spans."""
        base = real_doc(doc)  # Span and the matcher need the spaCy Doc itself
        spans = [Span(base, s, e, label=mid) for mid, s, e in self.matcher(base)]
        econ = [(s.start, s.end) for s in spans if s.label_ == self.labels["economy"]]
        spans += [Span(base, s, e, label=self.labels["location"]) for s, e in geographic_spans(doc, econ, self.lex)]
        gazetteer = filter_spans(spans)
        org_spans = {(s.start, s.end) for s in gazetteer if s.label_ == self.labels["organization"]}
        for n in find_named(doc, self.lex, set(), org_spans):
            spans.append(Span(base, n.start, n.end, label=self.labels[n.kind]))
        ents = filter_spans(spans)
        outside: list[Span] = []
        if self.block_titles:
            taken = {i for s in ents for i in range(s.start, s.end)}
            free = 0  # the scan resumes here after a title
            for i in self.titles.title_starts(doc, {}):  # type: ignore[arg-type]
                if i < free or (title := self.titles.parse_title(doc, i, {})) is None:
                    continue
                if not any(k in taken for k in range(title.start, title.end)):
                    outside.append(Span(base, title.start, title.end))
                free = max(title.end, i + 1)
        return ents, outside

    @staticmethod
    def set_annotations(doc: Doc, ents: list[Span], outside: list[Span]) -> Doc:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in ents + outside)]
        doc.set_ents(filter_spans(ents + keep), outside=outside, default="unmodified")
        return doc
