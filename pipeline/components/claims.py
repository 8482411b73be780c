"""Claims component. Being written."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("mofa_claims")
def make_claims(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder()


class ClaimFinder:
    def __call__(self, doc: Doc) -> Doc:
        return doc
