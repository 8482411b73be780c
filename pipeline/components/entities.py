"""Entity components (people, economies, organisations, initiatives, events). Being written."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("mofa_entities")
def make_entities(nlp: Language, name: str) -> EntityFinder:
    return EntityFinder()


class EntityFinder:
    def __call__(self, doc: Doc) -> Doc:
        return doc
