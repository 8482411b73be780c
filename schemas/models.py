"""Pydantic models for every record that crosses a stage boundary.

These models are the output contract: the Parquet column types, the JSON Schema files in
``schemas/json/`` and the column documentation in the README are all generated from them, so a
column is described exactly once, here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator


class Record(BaseModel):
    """Base of every table row: strict about unknown fields so typos fail validation."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Section(StrEnum):
    """Where a paragraph sits in the release. Title, subtitle and header (a briefing's opening line:
    office, name, date, greeting) are kept in the text so that entities named only there (a summit in the
    subtitle, the spokesperson in the header) are still found; they are not body."""

    title = "title"
    subtitle = "subtitle"
    header = "header"
    body = "body"
    footnote = "footnote"


class MentionKind(StrEnum):
    person = "person"
    economy = "economy"
    organization = "organization"
    initiative = "initiative"
    event = "event"
    location = "location"
    date = "date"


class SpeakerKind(StrEnum):
    person = "person"
    economy = "economy"
    organization = "organization"
    collective = "collective"


class ClaimType(StrEnum):
    statement = "statement"
    call = "call"
    commitment = "commitment"
    proposal = "proposal"
    support = "support"
    criticism = "criticism"
    expectation = "expectation"
    belief = "belief"  # what a speaker believes or a poll/study found: researchers may keep or drop it


class LinkRole(StrEnum):
    lead = "lead"
    endorse = "endorse"


class Status(StrEnum):
    ok = "ok"
    duplicate = "duplicate"
    unchanged = "unchanged"
    rejected = "rejected"


class Paragraph(Record):
    """A paragraph of the cleaned text; offsets index into ``Document.text``."""

    paragraph_id: int = Field(ge=0, description="Position of the paragraph in the document, from 0.")
    section: Section = Field(description="title, subtitle, header, body or footnote.")
    start: int = Field(ge=0, description="Character offset where the paragraph starts.")
    end: int = Field(ge=0, description="Character offset just after the paragraph.")


class Document(Record):
    """One press release (one file, or one item of a feed)."""

    doc_id: str = Field(description=("Stable id: hash of the release's board and seq when its URL shows them "
                                     "(a feed item and a saved page of one release are one document), else of the "
                                     "URL, else of the text."),
                        examples=["d3f9a1c2b7e4d5a6"])
    source: str = Field(description="Path relative to the raw folder; feed items add '#item-N' or '#seq-N'.",
                        examples=["000_1ec2c721142b1f41.txt", "feeds/press.xml#seq-322610"])
    url: str | None = Field(default=None, description="URL of the release on the ministry's site.",
                            examples=["https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=322610"])
    sha256: str = Field(description="SHA-256 of the raw input file's bytes.")
    input_format: str = Field(description="How the input was read: mofa_text, mofa_html, html, rss_item, "
                                          "linked_data, text.", examples=["mofa_text"])
    category: str | None = Field(default=None, description="Board of the release.", examples=["Ministry News"])
    title: str = Field(description="Title of the release.", examples=["2024 APEC Ministerial Meeting (AMM) Outcomes"])
    subtitle: str | None = Field(default=None, description="Subtitle without its '- ... -' frame.")
    published: dt.date | None = Field(default=None, description="Publication date as shown on the site (KST).",
                                      examples=["2024-11-15"])
    hits: int | None = Field(default=None, ge=0, description="View count shown on the page.", examples=[2162])
    language: str = Field(description="ISO 639-1 code of the text's language.", examples=["en"])
    text: str = Field(description="Cleaned text (title, subtitle, body, footnotes as paragraphs separated by a "
                      "blank line); every offset in every table refers to it.")
    n_sentences: int = Field(default=0, ge=0, description="Number of sentences in the text.")


class CleanDocument(Document):
    """A document as the clean stage hands it to extraction: a Document plus its paragraphs."""

    paragraphs: list[Paragraph] = Field(description="Paragraphs with their section and offsets.")

    @model_validator(mode="after")
    def _paragraphs_inside_text(self) -> CleanDocument:
        for p in self.paragraphs:
            if not (0 <= p.start <= p.end <= len(self.text)):
                raise ValueError(f"paragraph {p.paragraph_id} offsets {p.start}-{p.end} outside text")
        return self

    def to_document(self) -> Document:
        return Document(**self.model_dump(exclude={"paragraphs"}))


class Sentence(Record):
    """One sentence; sentences never cross a paragraph break."""

    doc_id: str = Field(description="Document id.")
    sent_id: str = Field(description="Stable sentence id: '<doc_id>:s<index>'.", examples=["d3f9a1c2b7e4d5a6:s4"])
    paragraph_id: int = Field(ge=0, description="Paragraph the sentence belongs to.")
    section: Section = Field(description="title, subtitle, header, body or footnote.")
    start: int = Field(ge=0, description="Character offset in documents.text.")
    end: int = Field(ge=0, description="Character offset just after the sentence.")
    text: str = Field(description="The sentence as in documents.text[start:end].")


class Mention(Record):
    """One mention of an entity, located in the text and linked to its table by entity_id."""

    doc_id: str = Field(description="Document id.")
    sent_id: str = Field(description="Sentence containing the mention.")
    start: int = Field(ge=0, description="Character offset in documents.text.")
    end: int = Field(ge=0, description="Character offset just after the mention.")
    text: str = Field(description="The mention as written.", examples=["Foreign Minister Cho"])
    kind: MentionKind = Field(description="person, economy, organization, initiative, event, location or date.")
    entity_id: str = Field(description="Id in the table of its kind (person_id, economy_id, org_id, "
                           "initiative_id, event_id); a normalized form for locations and ISO date for dates.",
                           examples=["person:cho-tae-yul", "KOR"])


class Person(Record):
    """One person across the corpus (same person_id in every document)."""

    person_id: str = Field(description="Stable id from the canonical name.", examples=["person:cho-tae-yul"])
    name: str = Field(description="Fullest name given, in the order written.", examples=["Cho Tae-yul"])
    family_name: str | None = Field(default=None, examples=["Cho"])
    given_name: str | None = Field(default=None, examples=["Tae-yul"])
    economy: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of the person's economy.",
                                examples=["KOR"])
    titles: list[str] = Field(default_factory=list, description="Titles read from the text.",
                              examples=[["Minister of Foreign Affairs"]])


class Role(Record):
    """A person as one document presents them: the name, titles and economy read in that document.

    The people table merges these over the corpus, where a minister's titles of twenty years stand in one row.
    """

    doc_id: str = Field(description="Document id.")
    person_id: str = Field(description="Person id (people table).", examples=["person:cho-tae-yul"])
    name: str = Field(description="Fullest name given in this document.", examples=["Cho Tae-yul"])
    economy: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of the person's economy, as read "
                                "in this document.", examples=["KOR"])
    titles: list[str] = Field(default_factory=list, description="Titles read in this document.",
                              examples=[["Minister of Foreign Affairs"]])


class Economy(Record):
    """One economy (country or APEC member economy), by ISO 3166-1 alpha-3."""

    economy_id: str = Field(description="ISO 3166-1 alpha-3 code.", examples=["TWN"], pattern=r"^[A-Z]{3}$")
    name: str = Field(description="APEC-style display name.", examples=["Chinese Taipei"])
    apec_member: bool = Field(description="Whether the economy is one of APEC's 21 members.")


class Organization(Record):
    """One organisation, merged over its full name and acronym."""

    org_id: str = Field(description="Stable id from the canonical name.", examples=["org:ilo"])
    name: str = Field(description="Canonical name.", examples=["International Labour Organization"])
    acronym: str | None = Field(default=None, examples=["ILO"])


class Initiative(Record):
    """One named initiative: programme, fund, roadmap, vision, strategy, agreement, free-trade area."""

    initiative_id: str = Field(description="Stable id from the canonical name.",
                               examples=["initiative:carbon-free-energy-initiative"])
    name: str = Field(examples=["Carbon-Free Energy Initiative"])
    acronym: str | None = Field(default=None, examples=["CFE"])


class InitiativeLink(Record):
    """An economy leading or endorsing an initiative, as stated in one sentence."""

    doc_id: str = Field(description="Document id.")
    sent_id: str = Field(description="Sentence that states the link.")
    initiative_id: str = Field(description="Initiative id.")
    economy_id: str = Field(description="ISO 3166-1 alpha-3 of the economy.", pattern=r"^[A-Z]{3}$")
    role: LinkRole = Field(description="lead or endorse.")


class Event(Record):
    """A meeting, summit, forum or visit named in one document."""

    event_id: str = Field(description="Stable id from the document and the event's name.")
    doc_id: str = Field(description="Document id.")
    name: str = Field(examples=["APEC Ministerial Meeting"])
    acronym: str | None = Field(default=None, examples=["AMM"])
    ordinal: int | None = Field(default=None, ge=1, examples=[35])
    date: str | None = Field(default=None, description="ISO date, or year-month when only that is given.",
                             examples=["2024-11-14", "2024-08"])
    location: str | None = Field(default=None, description="City or place.", examples=["Lima"])
    economy_id: str | None = Field(default=None, description="ISO 3166-1 alpha-3 of the host economy.")


class Claim(Record):
    """A statement attributed to a speaker through a cue: who said, urged, proposed or committed what."""

    claim_id: str = Field(description="Stable id: '<doc_id>:c<cue offset>'.")
    doc_id: str = Field(description="Document id.")
    sent_id: str = Field(description="Sentence holding the cue.")
    speaker_kind: SpeakerKind = Field(description="person, economy, organization or collective.")
    speaker_id: str | None = Field(default=None, description="person_id, economy_id or org_id; for a "
                                   "collective the members' ids joined by '|' when the text names them "
                                   "('Foreign Minister Kim and Secretary Clinton'; Korean 양 장관 / 양측: the two "
                                   "ministers or states the release named), else a normalized phrase "
                                   "('two ministers').",
                                   examples=["person:cho-tae-yul", "KOR|POL", "two ministers"])
    speaker_text: str = Field(description="Speaker as written (a pronoun when resolved through one).",
                              examples=["He", "Foreign Minister Cho"])
    cue: str = Field(description="Lemma of the cue.", examples=["point out", "urge", "according to"])
    claim_type: ClaimType = Field(description="statement, call, commitment, proposal, support, criticism, "
                                  "expectation, or belief (believes, thinks; a poll or study found).")
    future: bool = Field(default=False, description="True when announced for the future ('will convey').")
    content: str = Field(description="The attributed statement.")
    addressee_ids: list[str] = Field(default_factory=list, description="Economies or organisations addressed.")
    economy_ids: list[str] = Field(default_factory=list, description="Economies mentioned in the content.")
    initiative_ids: list[str] = Field(default_factory=list, description="Initiatives mentioned in the content.")
    speaker_start: int | None = Field(default=None, ge=0)
    speaker_end: int | None = Field(default=None, ge=0)
    cue_start: int = Field(ge=0)
    cue_end: int = Field(ge=0)
    content_start: int = Field(ge=0)
    content_end: int = Field(ge=0)


class ManifestEntry(Record):
    """One row per raw input file: what became of it in the last run."""

    source: str = Field(description="Path relative to the raw folder.")
    sha256: str = Field(description="SHA-256 of the file's bytes ('' when unreadable).")
    status: Status = Field(description="ok, duplicate, unchanged or rejected.")
    reason: str | None = Field(default=None, description="Why rejected, or what it duplicates.")
    doc_ids: list[str] = Field(default_factory=list, description="Documents produced from this input.")


class Reject(Record):
    """An input, feed item or record that could not be used, with the stage and the reason."""

    source: str = Field(description="Input (or input#record) that was rejected.")
    stage: str = Field(description="Stage that rejected it: read, clean, extract, validate.")
    reason: str = Field(description="Reason a person can act on.")
    #: Says nothing lasting about the input (a timeout on a busy machine): reported for this run, never cached,
    #: so the next run tries again. Not a column (a private attribute: it survives pickling to and from workers).
    _transient: bool = PrivateAttr(default=False)

    @classmethod
    def for_this_run(cls, source: str, stage: str, reason: str) -> Reject:
        """A transient reject (see :attr:`transient`)."""
        reject = cls(source=source, stage=stage, reason=reason)
        reject._transient = True
        return reject

    @property
    def transient(self) -> bool:
        return self._transient


class DocResult(Record):
    """Everything extracted from one document: the unit cached by content hash."""

    document: Document
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    economies: list[Economy] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    initiative_links: list[InitiativeLink] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    other_tables: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict, description="Rows of registered tables without a field here, by table name "
        "(schemas/tables.py); validated against the table's model when read.")


def __getattr__(name: str) -> object:
    """``TABLES``: table name -> row model, a live view of the registry in :mod:`schemas.tables` (which
    imports this module, hence the lazy lookup)."""
    if name == "TABLES":
        from schemas.tables import MODELS

        return MODELS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
