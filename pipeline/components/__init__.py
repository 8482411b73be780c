"""The project's spaCy components, registered with ``@Language.factory`` on import.

Contract between the components and with :mod:`pipeline.stages.extract` (read this before adding one):

* set by :func:`pipeline.stages.extract.make_doc` before the pipeline runs:
  ``doc._.mofa_doc_id`` (str), ``doc._.mofa_paragraphs`` (list[schemas.models.Paragraph]),
  ``doc._.mofa_published`` (datetime.date | None, the release date, for resolving "on November 14").
* ``doc.spans["mofa"]``: every mention found, as spans whose ``label_`` is a
  :class:`schemas.models.MentionKind` value (person, economy, organization, initiative, event, location, date)
  and whose ``kb_id_`` is the entity id (person_id, ISO alpha-3, org_id, initiative_id, event_id; the
  normalized text for locations, the ISO date for dates).
* ``doc._.mofa_entities``: dict kind -> dict id -> record (schemas.models.Person, Economy, Organization,
  Initiative, Event) for the entities the document mentions.
* ``doc._.mofa_links``: list[schemas.models.InitiativeLink]; ``doc._.mofa_claims``: list[schemas.models.Claim].

Sentence ids come from :class:`pipeline.components.structure.SentenceIndex` so that every component and
the sentences table agree on them.
"""

from __future__ import annotations

from spacy.tokens import Doc

_EXTENSIONS = {
    "mofa_doc_id": "",
    "mofa_paragraphs": None,
    "mofa_published": None,
    "mofa_entities": None,
    "mofa_links": None,
    "mofa_claims": None,
}


def register_extensions() -> None:
    """Declare the Doc extensions (idempotent; defaults are immutable, components assign fresh objects)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()

from pipeline.components import attribute_ruler, claims, entities, structure  # noqa: E402,F401  (registers factories)
