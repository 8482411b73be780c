"""The stages: ``read``, ``clean/``, ``nlp`` + ``extract``, ``validate``, ``write`` make a run; ``fetch`` and ``crawl``
fill ``raw/`` ahead of it. Each is a pure core with a thin CLI; the engine calls them only through
:mod:`pipeline.engine.steps`."""
