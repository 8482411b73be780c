"""The entity component: people, economies, organisations, initiatives, events, locations and dates.

Runs after the model's ``ner`` (and the gazetteer ruler before it) and fills the contract of
:mod:`pipeline.components`: ``doc.spans["mofa"]``, ``doc._.mofa_entities`` and ``doc._.mofa_links``.
The finding itself is the ordered list of steps of :mod:`pipeline.components.ent_steps`, each respecting
what the earlier ones took; this module runs them and sets the Doc's annotations.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components.ent_common import DocView, Found, TokenSpans
from pipeline.components.ent_lexicon import DATA_DIR, load_lexicon, with_model_words
from pipeline.components.ent_people import PeopleFinder
from pipeline.components.ent_places import build_gazetteer_matcher
from pipeline.components.ent_ruler import DEFAULT_LABELS  # importing it also registers "mofa_entity_ruler"
from pipeline.components.ent_steps import Taken, Tools, ordered_steps
from schemas.models import InitiativeLink


@Language.factory("mofa_entities", default_config={"data_dir": "", "set_ents": True, "labels": DEFAULT_LABELS})
def make_entities(nlp: Language, name: str, data_dir: str, set_ents: bool, labels: dict[str, str]) -> EntityFinder:
    return EntityFinder(nlp, Path(data_dir) if data_dir else DATA_DIR, set_ents, labels)


class EntityFinder:
    """The ``mofa_entities`` component: the lexicon, matcher and people finder are built once; each document
    runs the finder steps in their declared order."""

    def __init__(self, nlp: Language, data_dir: Path, set_ents: bool = True,
                 labels: dict[str, str] | None = None) -> None:
        self.lex = with_model_words(load_lexicon(data_dir), nlp)
        self.matcher = build_gazetteer_matcher(nlp, self.lex)
        self.people = PeopleFinder(self.lex)
        self.tools = Tools(self.lex, self.matcher, self.people)
        self.steps = ordered_steps()  # checked here: a step in the order that nobody registered stops the build
        self.set_ents = set_ents
        self.labels = {**DEFAULT_LABELS, **(labels or {})}

    def __call__(self, doc: Doc) -> Doc:
        view = DocView(doc)
        found, entities, links = self.find(view)  # type: ignore[arg-type]
        doc.spans["mofa"] = [f.span(doc) for f in found]
        doc._.mofa_entities = entities
        doc._.mofa_links = links
        if self.set_ents:
            self.sync_ents(doc, found, view.ents)  # the entities find() read: none were set since
        return doc

    def sync_ents(self, doc: Doc, found: list[Found], ents: tuple[Span, ...] | None = None) -> None:
        """doc.ents agree with doc.spans["mofa"]: every mention with its OntoNotes label; the model's own
        entities of the kinds the project decides (people, places, organisations, events, laws, dates) are
        dropped when no mention confirms them; its other entities (numbers, money, NORP) stay where free."""
        ents = doc.ents if ents is None else ents  # rebuilt on every access: read once
        model_gpe = {(e.start, e.end) for e in ents if e.label_ == self.labels["city"]}
        mine = [Span(doc, f.start, f.end, label=self._label(doc, f, model_gpe), kb_id=f.entity_id) for f in found]
        mine = filter_spans(mine)
        decided = set(self.labels.values())
        occupied = TokenSpans((m.start, m.end) for m in mine)
        rest = [e for e in ents if e.label_ not in decided and not occupied.any_overlap(e.start, e.end)]
        doc.set_ents(sorted(mine + rest, key=lambda s: s.start), default="outside")

    def find(self, doc: Doc) -> tuple[list[Found], dict[str, dict], list[InitiativeLink]]:
        """The mentions, the entity records by kind and the initiative links of one document (a DocView)."""
        taken = Taken(doc)
        for run in self.steps:
            run(self.tools, taken)
        return taken.found, taken.entities(), taken.links

    def _label(self, doc: Doc, f: Found, model_gpe: set[tuple[int, int]]) -> str:
        if f.kind == "location" and ((f.start, f.end) in model_gpe or self.lex.locations.get(doc[f.start:f.end].text)):
            return self.labels["city"]
        return self.labels[f.kind]

