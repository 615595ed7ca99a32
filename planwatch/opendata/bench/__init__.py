"""``planwatch bench ingest``: how fast, and in how much memory, PlanWatch imports a
national-scale police.uk archive, against DuckDB alone and pandas on the same files.

- ``archive`` builds the archive from the real files (resampled, with new IDs, forces and months);
- ``baselines`` is what DuckDB alone and pandas do with it, each run in a process of its own;
- ``measure`` runs the three processes, times them, reads their peak memory and works out the
  ratios and targets (docs/benchmarks.md).

Nothing here imports Django at module level except ``measure``'s throwaway database, so the
baselines run in a plain Python process.
"""
