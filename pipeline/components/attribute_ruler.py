"""A drop-in for the trained pipeline's ``attribute_ruler`` that gives the same annotations much faster.

Why: in ``en_core_web_sm`` the attribute ruler maps tags to POS and morphology with ~180 one-token Matcher
patterns (``{"TAG": "NN"}``, ``{"TAG": "PRP", "LOWER": "he"}``, ...). The Matcher checks every pattern at every
token and costs ~40 ms on a 2,000-token release, more than the tagger and the parser's own share. Here the
one-token patterns that test only equality or (NOT_)IN on token attributes are compiled into a table keyed by
those attributes' values, so a token costs one dict lookup (memoised per distinct value tuple); every other
pattern (several tokens, operators, regexes, extensions) still goes to a spaCy Matcher. Matches are applied
exactly as :class:`spacy.pipeline.AttributeRuler` applies them: sorted by rule number, later rules win, the
rule's ``index`` picks the token. ``tests/components/test_attribute_ruler.py`` checks that tag, POS,
morphology, lemma and dependency are identical to spaCy's component on real releases.

Patterns are copied from the trained component by :func:`pipeline.stages.nlp.build_nlp` (``[nlp]
fast_attribute_ruler`` in ``pipeline.cfg``), so the rules stay the model's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

#: Token attributes a compiled one-token pattern may test (read with Doc.to_array as hashes / 0-1 flags).
COMPILABLE = ("TAG", "LOWER", "DEP", "IS_SPACE", "POS", "ORTH", "NORM", "LEMMA")

#: (attribute column, values, wanted inside?): one test of a compiled pattern.
Test = tuple[int, frozenset[int], bool]
#: Columns read, sorted named values per column, compiled rules, compiled anchors ((length, offset), tests).
Table = tuple[list[int], list[numpy.ndarray], list[tuple[int, list[Test]]], list[tuple[tuple[int, int], list[Test]]]]


def _holds(key: tuple[int, ...], tests: list[Test]) -> bool:
    return all((key[j] in values) is inside for j, values, inside in tests)


def _value_id(vocab: Vocab, value: Any) -> int:
    """The integer a Matcher compares an attribute with: a string's hash, a bool as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return vocab.strings.add(value)
    return int(value)


def compile_token_spec(vocab: Vocab, spec: dict[str, Any]) -> list[tuple[str, frozenset[int], bool]] | None:
    """``[(attr, value ids, inside?)]`` for a one-token spec using only equality and IN / NOT_IN on
    :data:`COMPILABLE` attributes; None when the Matcher must handle it."""
    tests = []
    for key, value in spec.items():
        attr = key.upper()
        if attr not in COMPILABLE:
            return None
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN"):
                return None
            op, values = next(iter(value.items()))
            if not isinstance(values, list | tuple):
                return None
            tests.append((attr, frozenset(_value_id(vocab, v) for v in values), op == "IN"))
        elif isinstance(value, str | bool | int):
            tests.append((attr, frozenset([_value_id(vocab, value)]), True))
        else:
            return None
    return tests


class FastAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with a compiled table for one-token patterns (see the module docstring).

    A fixed-length pattern of several tokens ("gon na", "let 's") is run by a Matcher only on the windows
    where one of its tokens (the anchor, a compiled spec naming a word or tag) occurs, found with the same
    table; patterns with operators (variable length) or without such a token run on the whole document."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Any = None) -> None:
        kwargs = {"scorer": scorer} if scorer is not None else {}
        super().__init__(vocab, name, validate=validate, **kwargs)
        self.clear()

    def clear(self) -> None:
        super().clear()
        self._compiled: list[tuple[int, list[tuple[str, frozenset[int], bool]]]] = []
        self._anchors: list[tuple[tuple[int, int], list[tuple[str, frozenset[int], bool]]]] = []
        self._windowed = Matcher(self.vocab, validate=self.validate)
        self._fallback = Matcher(self.vocab, validate=self.validate)
        self._columns: list[str] = []
        self._table: Table | None = None
        self._memo: dict[tuple[int, ...], tuple[list[int], list[tuple[int, int]]]] = {}

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        self._table = None
        self._memo = {}
        windowed, rest = [], []
        for pattern in patterns:
            tests = compile_token_spec(self.vocab, pattern[0]) if len(pattern) == 1 and index in (0, -1) else None
            if tests is not None:
                self._compiled.append((rule, tests))
            elif (anchor := self._anchor(pattern)) is not None:
                offset, tests = anchor
                self._anchors.append(((len(pattern), offset), tests))
                windowed.append(pattern)
            else:
                rest.append(pattern)
            self._columns += [a for a, _, _ in tests or [] if a not in self._columns]
        key = self.vocab.strings.add(str(rule))
        if windowed:
            self._windowed.add(key, windowed)
        if rest:
            self._fallback.add(key, rest)

    def _anchor(self, pattern: list[dict[str, Any]]) -> tuple[int, list[tuple[str, frozenset[int], bool]]] | None:
        """(offset, tests) of the token a fixed-length pattern is looked for by: a compiled spec that requires
        given values, a word (LOWER/ORTH/NORM) rather than a tag where there is one; None when the pattern
        has an operator or no such token."""
        if any("OP" in spec for spec in pattern):
            return None
        best = None
        for k, spec in enumerate(pattern):
            tests = compile_token_spec(self.vocab, spec)
            if not tests or not any(inside for _, _, inside in tests):
                continue
            rank = 0 if any(a in ("LOWER", "ORTH", "NORM") and inside for a, _, inside in tests) else 1
            if best is None or rank < best[0]:
                best = (rank, k, tests)
        return None if best is None else (best[1], best[2])

    def _token_rules(self) -> Table:
        """Attribute ids of the columns read, the sorted values any test names per column, and the compiled
        rules and anchors with their tests by column position on value codes (a named value's position in
        that sorted array; any value no test names gets one shared code past the end, which keeps the memo
        small: most words are named by no rule)."""
        col = {a: j for j, a in enumerate(self._columns)}
        named: list[set[int]] = [set() for _ in self._columns]
        for _, tests in self._compiled + self._anchors:  # type: ignore[operator]
            for a, values, _ in tests:
                named[col[a]] |= values
        sorted_named = [numpy.array(sorted(v), dtype=numpy.uint64) for v in named]
        codes = [{int(v): k for k, v in enumerate(arr)} for arr in sorted_named]

        def coded(tests: list[tuple[str, frozenset[int], bool]]) -> list[Test]:
            return [(col[a], frozenset(codes[col[a]][v] for v in values), inside) for a, values, inside in tests]

        rules = [(rule, coded(tests)) for rule, tests in self._compiled]
        anchors = [(window, coded(tests)) for window, tests in self._anchors]
        return [IDS[a] for a in self._columns], sorted_named, rules, anchors

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Same list as AttributeRuler.match: ``(rule, match id, start, end)`` sorted by rule."""
        if self._table is None:
            self._table = self._token_rules()
        attr_ids, named, rules, anchors = self._table
        memo = self._memo  # (rules, windows) hit per code tuple: a function of the rules only
        matches: list[tuple[int, int, int, int]] = []
        windows: set[tuple[int, int]] = set()
        n = len(doc)
        if (rules or anchors) and n:
            values = doc.to_array(attr_ids).reshape(n, len(attr_ids))
            coded = numpy.empty(values.shape, dtype=numpy.int64)
            for j, known in enumerate(named):
                at = numpy.minimum(numpy.searchsorted(known, values[:, j]), max(len(known) - 1, 0))
                found = known[at] == values[:, j] if len(known) else numpy.zeros(n, dtype=bool)
                coded[:, j] = numpy.where(found, at, len(known))
            for i, key in enumerate(map(tuple, coded.tolist())):
                hit = memo.get(key)
                if hit is None:
                    hit = memo[key] = (
                        [rule for rule, tests in rules if _holds(key, tests)],
                        [window for window, tests in anchors if _holds(key, tests)])
                matches += [(rule, 0, i, i + 1) for rule in hit[0]]
                windows.update((i - offset, length) for length, offset in hit[1] if 0 <= i - offset <= n - length)
        strings = self.vocab.strings
        for start, length in sorted(windows):
            matches += [(int(strings[m_id]), 0, start + s, start + e)
                        for m_id, s, e in self._windowed(doc[start:start + length], allow_missing=True)]
        if len(self._fallback):
            matches += [(int(strings[m_id]), 0, s, e)
                        for m_id, s, e in self._fallback(doc, allow_missing=True)]  # type: ignore[misc]
        # one match per (rule, span), as the Matcher gives; rule ids are the AttributeRuler's own keys
        return [(rule, strings.add(str(rule)), s, e) for rule, _, s, e in sorted(set(matches))]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """As AttributeRuler.set_annotations, without building a Span per match."""
        for rule, _, start, end in matches:
            index = self.indices[rule]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                super().set_annotations(doc, [(rule, _, start, end)])  # raises spaCy's own E1001
                continue
            set_token_attrs(doc[at], self.attrs[rule])


@Language.factory("mofa_attribute_ruler", default_config={"validate": False})
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate)
