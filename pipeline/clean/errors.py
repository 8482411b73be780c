"""The clean stage's one exception: an input (or one feed item) that cannot become a document."""

from __future__ import annotations


class Rejected(Exception):
    """An input (or one item of it) that cannot become a document, with the stage and reason."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason

    def __repr__(self) -> str:
        return f"Rejected({self.stage!r}, {self.reason!r})"
