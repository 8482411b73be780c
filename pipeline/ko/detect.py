"""Is a text Korean? A dependency-free test the clean stage can call before rejecting a document's language."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTER = re.compile(r"[^\W\d_]")


def hangul_share(text: str, sample: int = 20_000) -> float:
    """Share of Hangul syllables among the letters of (the start of) ``text``."""
    head = text[:sample]
    letters = len(_LETTER.findall(head))
    return len(_HANGUL.findall(head)) / letters if letters else 0.0


def is_korean(text: str, threshold: float = 0.5) -> bool:
    """True when most letters are Hangul: a Korean release quotes English names and acronyms, rarely more."""
    return hangul_share(text) >= threshold
