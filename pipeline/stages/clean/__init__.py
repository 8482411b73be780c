"""Clean stage: raw bytes in, CleanDocument records out.

The public core is :func:`clean_bytes`; it is pure (no file I/O) so it can run anywhere, and it
raises :class:`Rejected` with a reason a person can act on when the input cannot become a document.
"""

from __future__ import annotations

from pipeline.stages.clean.core import Rejected, clean_bytes

__all__ = ["Rejected", "clean_bytes"]
