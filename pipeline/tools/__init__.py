"""Developer tools, no part of a run: ``bench`` (against bare spaCy), ``bench_publish`` (publish at scale),
``evaluate`` (scores against gold files), ``schemagen`` (``make schemas``), ``snapshot`` (table hashes before and
after a refactoring)."""
