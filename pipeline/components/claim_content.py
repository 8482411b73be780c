"""Bounds of a claim's content where the parse runs past them.

The small model's parser often joins two sentences of a paragraph into one tree ("... in the region. He further
noted that ..." with "noted" a complement of the first sentence's verb). A claim's content would then swallow the
next sentence, and the cue there would count as reported inside it. A *break* is a sentence-final '.', '?' or
'!' token followed by a capitalised word or an opening quote or bracket: content stays within the break-bounded
segment of its cue, unless a quotation runs over the break (a quote may span several sentences).
Pure functions of the token columns (one pass over the release, no Token objects).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

_ENDS = frozenset({".", "?", "!"})
_OPENERS = frozenset('"“‘(')
_SPACES = frozenset(" \n\t\r\xa0")


def sentence_breaks(texts: Sequence[str]) -> list[int]:
    """Indices of sentence-final tokens followed by a capitalised word, a quote or a bracket."""
    out = []
    n = len(texts)
    for i, t in enumerate(texts):
        if t not in _ENDS:
            continue
        j = i + 1
        while j < n and (not texts[j] or texts[j][0] in _SPACES):
            j += 1
        if j < n and (texts[j][0].isupper() or texts[j][0] in _OPENERS):
            out.append(i)
    return out


def segment(breaks: Sequence[int], i: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range [start, end) of the break-bounded segment holding token ``i``, within [lo, hi)."""
    k = bisect.bisect_left(breaks, i)
    start = breaks[k - 1] + 1 if k > 0 else lo
    end = breaks[k] + 1 if k < len(breaks) else hi
    return max(lo, start), min(hi, end)


def open_quote(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in text[start:end] is still open at ``end``."""
    piece = text[start:end]
    return piece.count("“") > piece.count("”") or piece.count('"') % 2 == 1
