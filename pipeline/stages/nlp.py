"""Build the spaCy pipeline from ``pipeline.cfg``: the trained model plus the project's components."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import spacy
from confection import Config
from spacy.language import Language

import pipeline.components  # noqa: F401  (registers factories and Doc extensions)
from pipeline.engine.config import load_config


def build_nlp(model: str | None = None, config: Config | None = None) -> Language:
    """Load ``model`` (default: the config's) and add the project's components as configured.

    Placement keys ``before``/``after``/``first``/``last`` fall back to the end of the pipeline when the
    named trained component is absent (e.g. a model without a parser)."""
    cfg = config or load_config()
    nlp = spacy.load(model or cfg["nlp"]["model"], exclude=list(cfg["nlp"].get("exclude", [])))
    if cfg["nlp"].get("fast_attribute_ruler", False):
        use_fast_attribute_ruler(nlp)
    if cfg["nlp"].get("split_glued", True):
        split_glued_tokens(nlp)
    for name in cfg["nlp"]["components"]:
        section: dict[str, Any] = dict(cfg["components"][name])
        factory = section.pop("factory")
        placement = {k: section.pop(k) for k in ("before", "after", "first", "last") if k in section}
        for key in ("before", "after"):
            if key in placement and placement[key] not in nlp.pipe_names:
                placement.pop(key)
        nlp.add_pipe(factory, name=name, config=section, **placement)
    return nlp


def use_fast_attribute_ruler(nlp: Language) -> None:
    """Swap the trained ``attribute_ruler`` for :class:`FastAttributeRuler` holding the same patterns (same
    annotations, a fraction of the cost); a model without an attribute ruler is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names or nlp.get_pipe_meta("attribute_ruler").factory != "attribute_ruler":
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    fast = nlp.replace_pipe("attribute_ruler", "mofa_attribute_ruler")
    fast.add_patterns(patterns)


#: An opening bracket glued between two letters ("Korea(ROK)"): the name before it is a word of its own.
_GLUED_BRACKET = re.compile(r"(?<=[A-Za-z])\((?=[A-Za-z0-9])")
#: A lower->Upper junction inside a token ("SecretaryPompeo"): a split only if the left part is a title word.
_CAMEL_JUNCTION = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
#: A title word glued to the conjunction or preposition after it ("The Ministerand the Secretary").
_GLUED_FUNCTION_WORD = re.compile(r"(?<=[a-z])(?=(?:and|of)$)")
_JUNCTION_AT = re.compile(r"")


def _title_words() -> frozenset[str]:
    """Head and rank words of titles (``title_lexicon.tsv``): a page copy that lost its spaces glues them to the
    name or title word that follows ("SecretaryPompeo", "ViceMinister"), never a name of its own ("McCain",
    "JoongAng" stay whole: their left parts are not title words)."""
    from pipeline.components.ent_lexicon import DATA_DIR, _rows

    return frozenset(r[0] for r in _rows(DATA_DIR / "title_lexicon.tsv") if r[1:2] in (["head"], ["rank"]))


def _name_verb_junction() -> re.Pattern[str]:
    """A family name (three letters or more) glued to the cue verb after it ("Minister Kangvoiced regret"): the
    junction, when the whole token is exactly such a name plus a form of 4 letters or more of a cue's verb (no
    English word is one: "Changed", "Unstated" do not qualify)."""
    import json

    from pipeline.components.claim_lexicon import inflections
    from pipeline.components.ent_lexicon import DATA_DIR, _rows

    heads: set[str] = set()
    for line in (DATA_DIR / "cues.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line) if line.strip() else {}
        heads.update(raw.get("lemmas", []))
        if raw.get("phrase") and "cue" in raw:
            heads.update(a for a in raw["phrase"].split()[0].rstrip("?*").split("|") if a.islower())
    irregular = {r[0]: r[1].split("|") for r in (row[0].split(",") for row in _rows(DATA_DIR / "cue_forms.csv"))
                 if len(r) == 2 and r[0] != "lemma"}
    forms = {f for h in heads for f in (*inflections(h), *irregular.get(h, ())) if len(f) >= 4 and f.isalpha()}
    names = {r[0] for r in _rows(DATA_DIR / "east_asian_family_names.txt") if len(r[0]) >= 3 and r[0].isalpha()}
    name_alt = "|".join(sorted(names, key=len, reverse=True))
    form_alt = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{name_alt})(?=(?:{form_alt})$)")


def glued_infix_finditer(base: Callable[[str], Iterator[re.Match[str]]], titles: frozenset[str],
                         name_verb: re.Pattern[str] | None = None) -> Callable[[str], list[re.Match[str]]]:
    """The model's infixes plus the two glued forms above; the tokenizer caches per string, so this runs once
    per distinct token, and the text (and every offset) is left as it is."""

    def finditer(text: str) -> list[re.Match[str]]:
        found = list(base(text))
        extra = list(_GLUED_BRACKET.finditer(text)) if "(" in text else []
        for m in _CAMEL_JUNCTION.finditer(text):
            start = max(text.rfind(c, 0, m.start()) for c in "-(/") + 1
            if text[start:m.start()] in titles:
                extra.append(m)
        glued = _GLUED_FUNCTION_WORD.search(text)
        if glued and text[:glued.start()] in titles:
            extra.append(glued)
        if name_verb is not None and text[:1].isupper() and (junction := name_verb.match(text)):
            extra.append(_JUNCTION_AT.match(text, junction.end()))  # type: ignore[arg-type]
        if not extra:
            return found
        taken = [(m.start(), m.end()) for m in found]
        found += [m for m in extra if not any(s <= m.start() < max(e, s + 1) for s, e in taken)]
        return sorted(found, key=lambda m: m.start())

    return finditer


def split_glued_tokens(nlp: Language) -> None:
    """Split the glued forms of page copies ("Korea(ROK) condemns", "SecretaryPompeo explained") so that the
    parser and the entity components see the name and the subject."""
    nlp.tokenizer.infix_finditer = glued_infix_finditer(nlp.tokenizer.infix_finditer, _title_words(),
                                                        _name_verb_junction())
