"""The engine: runs the stages over a batch (``run``: plan, per-document cache, local processes in ``parallel`` or
Dask workers in ``dask_engine``) and the pieces every layer above uses (``settings``, ``config``, ``ids``,
``cache``, ``atomic``). ``steps`` is its one door to the stages and outputs."""
