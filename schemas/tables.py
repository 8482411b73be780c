"""The table registry: the one place that says which tables processed/ holds and how each is built.

Each :class:`Table` names its row model, primary key, foreign keys, where its rows come from (the spaCy
components' output, the document itself, or the run) and whether they are per document or merged across
documents (with the merger). Extract, validate, write, the data package, the DuckDB export, the report's SQL and
the evaluator read their table lists from here, so adding a table is: a model, a :func:`register` call, a finder
that leaves its records on the Doc. A result naming a table the registry does not know is an error
(:class:`UnknownTable`), never a silent drop.

Pure: imports only the models (the bottom layer), so every stage can import it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from schemas.models import (
    Claim,
    DocResult,
    Document,
    Economy,
    Event,
    Initiative,
    InitiativeLink,
    ManifestEntry,
    Mention,
    Organization,
    Person,
    Record,
    Reject,
    Role,
    Sentence,
)

#: ``document``: rows belong to one document and are written in doc_id order; ``merged``: one row per key over
#: the corpus (a merger folds every document's rows); ``run``: rows of the run itself (manifest, rejects).
Scope = Literal["document", "merged", "run"]


class UnknownTable(ValueError):
    """A result names a table (or an entity kind) that the registry does not know."""


class Merger(Protocol):
    """Folds rows one at a time; :meth:`rows` gives the merged table in its final order."""

    def add(self, record: Any) -> None: ...

    def rows(self) -> list[Any]: ...


@dataclass(frozen=True)
class Ref:
    """A foreign key ``field`` -> ``table.column``. ``checked``: declared only when it holds in the data (an
    economy may be named without being extracted as one); otherwise its violation is a pipeline bug."""

    field: str
    table: str
    column: str
    checked: bool = False


@dataclass(frozen=True)
class Table:
    """One table of processed/ and everything the stages need to know to build, check and describe it."""

    name: str
    model: type[Record]
    scope: Scope
    key: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()
    #: Entity kind whose records the components leave in ``doc._.mofa_entities[kind]`` (mentions point to it).
    kind: str | None = None
    #: Doc extension holding the rows as a list (``doc._.<found_in>``), for non-entity finder output.
    found_in: str | None = None
    #: Builds the merger: corpus-wide for ``merged`` tables, per document for ``document`` ones (dedupe).
    merger: Callable[[Table], Merger] | None = None
    #: Rows computed from the result instead of stored in it (documents, roles).
    derive: Callable[[DocResult], list[Any]] | None = None
    #: Row order of a ``run`` table.
    order: Callable[[Any], Any] | None = None
    #: Offset pairs that must lie in the text (a pair is skipped when its start is None).
    spans: tuple[tuple[str, str], ...] = ()
    #: ``text`` equals the document's text at ``start:end``; ``in_sentence``: within its sentence's bounds.
    quotes_text: bool = False
    in_sentence: bool = False

    @property
    def stored(self) -> bool:
        """Whether a DocResult carries this table's rows (what validate checks and the cache stores)."""
        return self.scope != "run" and self.derive is None

    def rows(self, result: DocResult) -> list[Any]:
        """This table's rows in one document's result."""
        if self.derive is not None:
            return self.derive(result)
        if self.name in DocResult.model_fields:
            return getattr(result, self.name)
        return [self.model.model_validate(r) for r in result.other_tables.get(self.name, [])]

    def new_merger(self) -> Merger:
        if self.merger is None:
            raise ValueError(f"table {self.name} has no merger")
        return self.merger(self)


# ------------------------------------------------------------------------------------------------ mergers


class PeopleMerger:
    """Running merge of Person rows by person_id: the longest name (first seen on ties), every title
    seen, the most frequent economy (alphabetically first on ties). Holds one entry per person."""

    def __init__(self, table: Table | None = None) -> None:
        self.best: dict[str, Person] = {}
        self.titles: dict[str, set[str]] = {}
        self.economies: dict[str, Counter[str]] = {}

    def add(self, p: Person) -> None:
        pid = p.person_id
        cur = self.best.get(pid)
        if cur is None or (len(p.name), p.family_name is not None, p.name) > (
                len(cur.name), cur.family_name is not None, cur.name):
            self.best[pid] = p
        self.titles.setdefault(pid, set()).update(p.titles)
        counts = self.economies.setdefault(pid, Counter())
        if p.economy:
            counts[p.economy] += 1

    def rows(self) -> list[Person]:
        merged = []
        for pid in sorted(self.best):
            econ = self.economies[pid].most_common()
            economy = min(e for e, n in econ if n == econ[0][1]) if econ else None
            merged.append(self.best[pid].model_copy(update={"person_id": pid, "titles": sorted(self.titles[pid]),
                                                             "economy": economy}))
        return merged


class ByIdMerger:
    """Running merge by an id field: the most filled-in record wins (ties broken on its JSON)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.best: dict[str, tuple[tuple[int, str], Record]] = {}

    def add(self, r: Record) -> None:
        k = getattr(r, self.key)
        score = (sum(v is not None for v in r.model_dump().values()), r.model_dump_json())
        if k not in self.best or score > self.best[k][0]:
            self.best[k] = (score, r)

    def rows(self) -> list[Record]:
        return [self.best[k][1] for k in sorted(self.best)]


class Dedupe:
    """Rows without repeats, ordered by their JSON (doc_id first, so by document)."""

    def __init__(self, table: Table | None = None) -> None:
        self.seen: dict[str, Record] = {}

    def add(self, r: Record) -> None:
        self.seen[r.model_dump_json()] = r

    def rows(self) -> list[Record]:
        return [self.seen[k] for k in sorted(self.seen)]


def by_key(table: Table) -> ByIdMerger:
    """The merger of an entity table: by its (single-column) primary key."""
    return ByIdMerger(table.key[0])


def roles_of(result: DocResult) -> list[Role]:
    """The document's people as it presents them (before the corpus merge), one row per person."""
    doc_id = result.document.doc_id
    return [Role(doc_id=doc_id, person_id=p.person_id, name=p.name, economy=p.economy, titles=list(p.titles))
            for p in sorted(result.people, key=lambda p: p.person_id)]


# ----------------------------------------------------------------------------------------------- registry


def _doc(table: str = "documents") -> Ref:
    return Ref("doc_id", table, "doc_id")


_SENT = Ref("sent_id", "sentences", "sent_id")

#: Every table of processed/, in the order they are written. Use :func:`register` to add one.
REGISTRY: dict[str, Table] = {t.name: t for t in (
    Table("documents", Document, "document", key=("doc_id",), derive=lambda r: [r.document]),
    Table("sentences", Sentence, "document", key=("sent_id",), refs=(_doc(),), spans=(("start", "end"),),
          quotes_text=True),
    Table("mentions", Mention, "document", refs=(_doc(), _SENT), spans=(("start", "end"),), quotes_text=True,
          in_sentence=True),
    Table("people", Person, "merged", key=("person_id",), kind="person", merger=PeopleMerger,
          refs=(Ref("economy", "economies", "economy_id", checked=True),)),
    Table("roles", Role, "document", key=("doc_id", "person_id"), derive=roles_of,
          refs=(_doc(), Ref("person_id", "people", "person_id"),
                Ref("economy", "economies", "economy_id", checked=True))),
    Table("economies", Economy, "merged", key=("economy_id",), kind="economy", merger=by_key),
    Table("organizations", Organization, "merged", key=("org_id",), kind="organization", merger=by_key),
    Table("initiatives", Initiative, "merged", key=("initiative_id",), kind="initiative", merger=by_key),
    Table("initiative_links", InitiativeLink, "document", found_in="mofa_links", merger=Dedupe,
          key=("doc_id", "sent_id", "initiative_id", "economy_id", "role"),
          refs=(_doc(), _SENT, Ref("initiative_id", "initiatives", "initiative_id"),
                Ref("economy_id", "economies", "economy_id", checked=True))),
    Table("events", Event, "document", key=("event_id",), kind="event",
          refs=(_doc(), Ref("economy_id", "economies", "economy_id", checked=True))),
    Table("claims", Claim, "document", key=("claim_id",), found_in="mofa_claims", refs=(_doc(), _SENT),
          spans=(("cue_start", "cue_end"), ("content_start", "content_end"), ("speaker_start", "speaker_end"))),
    Table("manifest", ManifestEntry, "run", key=("source",), order=lambda m: m.source),
    Table("rejects", Reject, "run", order=lambda r: (r.source, r.stage, r.reason)),
)}


class _Models(Mapping[str, type[Record]]):
    """Table name -> row model, a live view of :data:`REGISTRY` (``schemas.models.TABLES``)."""

    def __getitem__(self, name: str) -> type[Record]:
        return REGISTRY[name].model

    def __iter__(self) -> Iterator[str]:
        return iter(REGISTRY)

    def __len__(self) -> int:
        return len(REGISTRY)


MODELS: Mapping[str, type[Record]] = _Models()


def register(table: Table) -> Table:
    """Add a table (written after the existing ones); a name registered twice is an error."""
    if table.name in REGISTRY:
        raise ValueError(f"table {table.name} is already registered")
    if table.scope == "document" and "doc_id" not in table.model.model_fields:
        raise ValueError(f"table {table.name} holds rows per document but its model has no doc_id")
    if table.kind is not None and table.kind in kinds():
        raise ValueError(f"entity kind {table.kind} already has a table ({kinds()[table.kind].name})")
    REGISTRY[table.name] = table
    return table


@contextmanager
def registered(table: Table) -> Iterator[Table]:
    """A table registered for the duration of a block (tests, experiments)."""
    register(table)
    try:
        yield table
    finally:
        del REGISTRY[table.name]


def tables(scope: Scope | None = None) -> list[Table]:
    """The registered tables (of one scope), in write order."""
    return [t for t in REGISTRY.values() if scope is None or t.scope == scope]


def stored() -> list[Table]:
    """The tables a DocResult carries, in write order."""
    return [t for t in REGISTRY.values() if t.stored]


def kinds() -> dict[str, Table]:
    """Entity kind -> its table (the targets of ``mentions.entity_id``)."""
    return {t.kind: t for t in REGISTRY.values() if t.kind is not None}


def table(name: str) -> Table:
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownTable(f"no table {name!r} in the registry (schemas/tables.py): register it") from None


def build_result(document: Document, rows: Mapping[str, Iterable[Record]]) -> DocResult:
    """A DocResult from rows by table name; rows of a registered table without a DocResult field go to
    ``other_tables``. An unknown or non-stored table name is an error."""
    fields: dict[str, Any] = {}
    other: dict[str, list[dict[str, Any]]] = {}
    for name, records in rows.items():
        t = table(name)
        if not t.stored:
            raise UnknownTable(f"table {name} is not carried by a document's result ({t.scope}"
                               f"{', derived' if t.derive else ''})")
        if name in DocResult.model_fields:
            fields[name] = list(records)
        else:
            other[name] = [r.model_dump(mode="json") for r in records]
    return DocResult(document=document, other_tables=other, **fields)


def check_result(result: DocResult) -> None:
    """Raise :class:`UnknownTable` when the result carries rows of a table the registry does not know."""
    for name in result.other_tables:
        if not table(name).stored:
            raise UnknownTable(f"table {name} is not carried by a document's result")


def primary_keys() -> dict[str, list[str]]:
    return {t.name: list(t.key) for t in REGISTRY.values() if t.key}


def foreign_keys(checked: bool) -> list[tuple[str, str, str, str]]:
    """(table, field, referenced table, referenced field) of the structural (or checked) foreign keys."""
    return [(t.name, r.field, r.table, r.column) for t in REGISTRY.values() for r in t.refs if r.checked == checked]
