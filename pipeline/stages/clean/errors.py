"""The clean stage's one exception: an input (or one feed item) that cannot become a document."""

from __future__ import annotations


class Rejected(Exception):
    """An input (or one item of it) that cannot become a document, with the stage and reason."""

    def __init__(self, stage: str, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason
        #: Set on per-item rejections of a feed ('feed.xml#seq-NNN'); None means the whole input.
        self.source = source

    def __repr__(self) -> str:
        return f"Rejected({self.stage!r}, {self.reason!r}, source={self.source!r})"
