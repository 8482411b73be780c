"""What the report pages show, computed from the tables (rows as plain dicts). Pure: no I/O, no HTML.

Every aggregate is sorted with a full tie-break so that the same tables always give the same pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Any

from pipeline.outputs.report.highlight import CLAIM, MENTION, PARAGRAPH, Span, render
from schemas.tables import kinds, stored

Row = dict[str, Any]
Tables = dict[str, list[Row]]

#: Mention kinds in legend order.
KINDS = ("person", "economy", "organization", "initiative", "event", "location", "date")
UNKNOWN_MONTH = "undated"


def doc_filename(doc_id: str) -> str:
    """File name of a document's page; ids are hex hashes, anything else is made safe."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", doc_id)[:80] or "_"
    return f"{safe}.html"


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a 'javascript:' URL in a page must not be clickable."""
    if url and re.match(r"^https?://", url.strip(), flags=re.IGNORECASE):
        return url.strip()
    return None


def month_of(published: Any) -> str:
    if isinstance(published, dt.date):
        return published.strftime("%Y-%m")
    if isinstance(published, str) and re.match(r"^\d{4}-\d{2}", published):
        return published[:7]
    return UNKNOWN_MONTH


def _names(tables: Tables) -> dict[str, dict[str, str]]:
    """Display name of every entity id, by kind (a table without a name column shows its ids)."""
    return {kind: {r[t.key[0]]: r.get("name", r[t.key[0]]) for r in tables.get(t.name, [])}
            for kind, t in kinds().items()}


def speaker_name(claim: Row, names: dict[str, dict[str, str]]) -> str:
    """The speaker's canonical name when the claim is linked to a known entity, else as written."""
    kind, sid = claim.get("speaker_kind"), claim.get("speaker_id")
    return names.get(kind or "", {}).get(sid or "", "") or claim.get("speaker_text") or ""


def _by_doc(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        out[r["doc_id"]].append(r)
    return out


def _doc_sort_key(d: Row) -> tuple:
    pub = d.get("published")
    return (pub is None, str(pub or ""), d.get("title") or "", d["doc_id"])


def index_context(data: dict[str, Any]) -> dict[str, Any]:
    """Aggregates for index.html from the corpus summary of :func:`pipeline.outputs.report.sql.index_data` (counts and
    groups computed over the tables; chart files are referenced by the renderer, not here)."""
    docs = sorted(data["documents"], key=_doc_sort_key)
    names: dict[str, dict[str, str]] = data["names"]

    by_month: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        by_month[month_of(d.get("published"))][d.get("category") or "(no category)"] += 1
    months = sorted(by_month, key=lambda m: (m == UNKNOWN_MONTH, m))
    categories = sorted({c for cnt in by_month.values() for c in cnt})

    economies = [{"id": e, "name": names["economy"].get(e, e), "mentions": n, "documents": nd}
                 for e, n, nd in sorted(data["economy_mentions"], key=lambda r: (-r[1], r[0]))]

    person_claims, person_mentions = data["person_claims"], data["person_mentions"]
    people = [{"id": p["person_id"], "name": p["name"], "titles": list(p.get("titles") or []),
               "economy": names["economy"].get(p.get("economy") or "", p.get("economy") or ""),
               "claims": person_claims.get(p["person_id"], 0), "mentions": person_mentions.get(p["person_id"], 0)}
              for p in data["people"]]
    people.sort(key=lambda p: (-p["claims"], -p["mentions"], p["name"], p["id"]))

    speakers: Counter[tuple[str, str]] = Counter()
    for kind, sid, text, n in data["speakers"]:
        claim = {"speaker_kind": kind, "speaker_id": sid, "speaker_text": text}
        speakers[(kind or "", speaker_name(claim, names))] += n
    top_speakers = [{"kind": k, "name": n, "claims": v}
                    for (k, n), v in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))]

    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"lead": set(), "endorse": set()})
    for iid, role, eid in data["roles"]:
        roles[iid].setdefault(role, set()).add(eid)
    init_docs: dict[str, int] = data["initiative_documents"]
    initiatives = []
    for i in data["initiatives"]:
        iid = i["initiative_id"]
        initiatives.append({
            "id": iid, "name": i["name"], "acronym": i.get("acronym"), "documents": init_docs.get(iid, 0),
            "lead": sorted(names["economy"].get(e, e) for e in roles[iid]["lead"]),
            "endorse": sorted(names["economy"].get(e, e) for e in roles[iid]["endorse"])})
    initiatives.sort(key=lambda i: (-(len(i["lead"]) + len(i["endorse"])), -i["documents"], i["name"], i["id"]))

    documents = [{"doc_id": d["doc_id"], "file": doc_filename(d["doc_id"]), "title": d.get("title") or "",
                  "category": d.get("category"), "published": d.get("published"),
                  "sentences": d.get("n_sentences") or 0, "mentions": d["mentions"], "claims": d["claims"]}
                 for d in docs]

    counts = data["counts"]
    return {
        "counts": {"documents": len(docs), **{t: counts[t] for t in (
            "sentences", "mentions", "claims", "people", "economies", "organizations", "initiatives", "events",
            "rejects")}},
        "inputs": {s: data["status"].get(s, 0) for s in ("ok", "unchanged", "duplicate", "rejected")},
        "months": months, "categories": categories,
        "by_month": [{"month": m, "counts": [by_month[m][c] for c in categories], "total": sum(by_month[m].values())}
                     for m in months],
        "economies": economies, "people": people, "speakers": top_speakers, "initiatives": initiatives,
        "documents": documents,
        "network": co_mentions(data["node_mentions"], data["edges"], names),
        "rejected_inputs": sorted(({"source": s, "reason": r or ""} for s, r in data["rejected_inputs"]),
                                  key=lambda r: (r["source"], r["reason"])),
        "rejects": sorted(({"source": s, "stage": st, "reason": r} for s, st, r in data["rejects"]),
                          key=lambda r: (r["source"], r["stage"], r["reason"])),
    }


def co_mentions(node_mentions: list[tuple[str, str, int]], edge_rows: list[tuple[str, str, str, str, int]],
                names: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Economies and initiatives mentioned in the same sentence: nodes (with mention counts) and weighted edges.
    ``node_mentions`` are (kind, id, mentions) and ``edge_rows`` (kind a, id a, kind b, id b, sentences) with
    a < b, summed when repeated (one row per range of documents); a stated initiative link counts as a
    co-mention even if one side is implicit."""
    count: Counter[tuple[str, str]] = Counter()
    for k, i, n in node_mentions:
        count[(k, i)] += n
    edges: Counter[tuple[tuple[str, str], tuple[str, str]]] = Counter()
    for ka, ia, kb, ib, w in edge_rows:
        edges[((ka, ia), (kb, ib))] += w
    node_ids = sorted({n for e in edges for n in e} | set(count))
    nodes = [{"kind": k, "id": i, "name": names[k].get(i, i), "mentions": count[(k, i)]} for k, i in node_ids]
    return {"nodes": nodes,
            "edges": [{"a": a, "b": b, "weight": w} for (a, b), w in sorted(edges.items(), key=lambda e: (-e[1],
                                                                                                     e[0]))]}


def doc_context(doc: Row, tables: Tables, index: dict[str, dict[str, list[Row]]]) -> dict[str, Any]:
    """Everything one document page shows. ``index`` maps table name -> doc_id -> rows (see :func:`by_doc`)."""
    did = doc["doc_id"]
    text = doc.get("text") or ""
    names = _names(tables)
    sentences = index["sentences"].get(did, [])
    mentions = sorted(index["mentions"].get(did, []), key=lambda m: (m["start"], -m["end"], m["kind"]))
    claims = sorted(index["claims"].get(did, []), key=lambda c: (c["cue_start"], c["claim_id"]))
    spans = _paragraph_spans(sentences)
    claim_rows = []
    for n, c in enumerate(claims, 1):
        tag = f"C{n}"
        anchor = f"claim-{n}"
        data = (("data-claim", tag),)
        if c.get("speaker_start") is not None and c.get("speaker_end") is not None:
            spans.append(Span(c["speaker_start"], c["speaker_end"], CLAIM, "span",
                              (("class", "claim-speaker"), *data, ("title", f"{tag} speaker")), label=None))
        spans.append(Span(c["cue_start"], c["cue_end"], CLAIM, "span",
                          (("class", "claim-cue"), *data, ("title", f"{tag} cue: {c.get('cue') or ''}")),
                          label=tag, anchor=anchor))
        spans.append(Span(c["content_start"], c["content_end"], CLAIM, "span",
                          (("class", "claim-content"), *data, ("title", f"{tag} content"))))
        claim_rows.append({"tag": tag, "anchor": anchor, "speaker": speaker_name(c, names),
                           "speaker_text": c.get("speaker_text") or "", "speaker_kind": c.get("speaker_kind") or "",
                           "cue": c.get("cue") or "", "type": c.get("claim_type") or "",
                           "future": bool(c.get("future")), "content": c.get("content") or "",
                           "addressees": _entity_names(c.get("addressee_ids"), names),
                           "economies": _entity_names(c.get("economy_ids"), names),
                           "initiatives": _entity_names(c.get("initiative_ids"), names)})
    for m in mentions:
        spans.append(Span(m["start"], m["end"], MENTION, "mark",
                          (("class", f"ent ent-{m['kind']}"), ("title", f"{m['kind']}: {m['entity_id']}")),
                          label=m["kind"].upper()))

    ment_n: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        ment_n[m["kind"]][m["entity_id"]] += 1
    spoke: Counter[str] = Counter(c["speaker_id"] for c in claims if c.get("speaker_id"))
    people_rows = {p["person_id"]: p for p in tables.get("people", [])}
    people = [{"name": names["person"].get(pid, pid), "titles": list(people_rows.get(pid, {}).get("titles") or []),
               "economy": names["economy"].get(people_rows.get(pid, {}).get("economy") or "", "")
               or (people_rows.get(pid, {}).get("economy") or ""),
               "mentions": n, "claims": spoke[pid]}
              for pid, n in ment_n["person"].items()]
    people.sort(key=lambda p: (-p["claims"], -p["mentions"], p["name"]))

    def simple(kind: str) -> list[dict[str, Any]]:
        rows = [{"id": i, "name": names.get(kind, {}).get(i, i), "mentions": n} for i, n in ment_n[kind].items()]
        return sorted(rows, key=lambda r: (-r["mentions"], r["name"], r["id"]))

    links = sorted(index["initiative_links"].get(did, []), key=lambda x: (x["initiative_id"], x["role"],
                                                                          x["economy_id"]))
    initiatives = simple("initiative")
    for i in initiatives:
        i["lead"] = sorted(names["economy"].get(x["economy_id"], x["economy_id"])
                           for x in links if x["initiative_id"] == i["id"] and x["role"] == "lead")
        i["endorse"] = sorted(names["economy"].get(x["economy_id"], x["economy_id"])
                              for x in links if x["initiative_id"] == i["id"] and x["role"] == "endorse")
    events = sorted(({"name": e["name"], "acronym": e.get("acronym"), "ordinal": e.get("ordinal"),
                      "date": e.get("date"), "location": e.get("location"),
                      "economy": names["economy"].get(e.get("economy_id") or "", e.get("economy_id") or "")}
                     for e in index["events"].get(did, [])),
                    key=lambda e: (e["date"] or "", e["name"]))
    return {
        "doc": {k: doc.get(k) for k in ("doc_id", "source", "category", "title", "subtitle", "published", "hits",
                                        "language", "input_format", "sha256", "n_sentences")},
        "url": doc.get("url"), "link": safe_url(doc.get("url")),
        "text_html": render(text, spans),
        "kinds": list(KINDS),
        "claims": claim_rows, "people": people, "economies": simple("economy"),
        "organizations": simple("organization"), "initiatives": initiatives, "events": events,
        "locations": simple("location"), "dates": simple("date"),
    }


def _entity_names(ids: Any, names: dict[str, dict[str, str]]) -> list[str]:
    out = []
    for i in list(ids if ids is not None else []):
        out.append(next((n[i] for n in names.values() if i in n), i))
    return out


def _paragraph_spans(sentences: list[Row]) -> list[Span]:
    paras: dict[int, list[Row]] = defaultdict(list)
    for s in sentences:
        paras[s["paragraph_id"]].append(s)
    return [Span(min(s["start"] for s in rows), max(s["end"] for s in rows), PARAGRAPH, "span",
                 (("class", f"para sec-{rows[0]['section']}"),))
            for _, rows in sorted(paras.items())]


def by_doc(tables: Tables) -> dict[str, dict[str, list[Row]]]:
    """table -> doc_id -> rows, for the per-document tables."""
    return {t.name: _by_doc(tables.get(t.name, [])) for t in stored() if t.scope == "document"}
