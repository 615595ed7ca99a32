"""Writing imported police.uk data (the officer-entered data of the open-data pages are in
``services_neighbourhoods`` and ``services_stop_search``).

``policeuk_import`` writes what ``ingest.stage`` reads and checks, all in one transaction: a run
is all-or-nothing. It writes the street crime while the other kinds are still being read, and
a file found damaged then undoes it (``Staged.finish``). Each force × month × kind the run holds
replaces what was there (its rows are deleted, then the new ones inserted), so importing a
month again never doubles it.

The rows are streamed out of DuckDB, never held in memory: on PostgreSQL DuckDB writes each
table as CSV to the staging folder and ``COPY … FROM STDIN`` loads it in 1 MB chunks; on SQLite
they are inserted in batches of ``BATCH_SIZE``. Either way memory stays flat however large the
archive (see docs/benchmarks.md).

The activity log gets one entry per run (the ``ImportRun``), not one per row: these are bulk
data derived from published files, not records that officers edit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Q

from planwatch.core.audit import save_created
from planwatch.places.models import Area

from . import store
from .areas import home_force
from .checks import CheckedFile
from .duckdb_read import interrupted, literal
from .indicators import crime_figures_feed
from .ingest import Staged, batches
from .ingest_searches import STOP_SEARCH_COLUMNS
from .models import (
    DistrictCrimeCount,
    FileKind,
    ForceMonth,
    ImportRun,
    Lsoa,
    OutcomeCount,
    StopSearch,
    StreetCrimeCount,
)
from .sources import FileResult

BATCH_SIZE = 20_000
CHUNK = 1 << 20

# What each kind of file replaces for its force and month.
REPLACES = {
    FileKind.STREET: (StreetCrimeCount, DistrictCrimeCount),
    FileKind.OUTCOMES: (OutcomeCount,),
    FileKind.STOP_AND_SEARCH: (StopSearch,),
}
# What is written, per model: DuckDB's query over the staged rows (``ingest``), in the model's
# columns. Street crime is read from the staged Parquet files (``{street}``); the office's own
# force (``home``) is kept by LSOA, and its searches.
STREET_SQL = (
    "SELECT force, strptime(month, '%Y-%m')::DATE, lsoa_code, crime_type, category, n FROM ("
    'SELECT force, month, lsoa_code, crime_type, last_outcome_category AS category, sum("count") '
    "AS n FROM {street} WHERE true{home} GROUP BY ALL) ORDER BY 1, 2, 3, 4, 5"
)
DISTRICT_SQL_ROWS = (
    "SELECT force, strptime(month, '%Y-%m')::DATE, district, crime_type, n FROM ("
    "SELECT force, month, coalesce(lsoas.district, '') AS district, crime_type, "
    'sum("count") AS n FROM {street} LEFT JOIN lsoas USING (lsoa_code) GROUP BY ALL) '
    "ORDER BY 1, 2, 3, 4"
)
OUTCOMES_SQL = (
    "SELECT force, month, outcome_type, sum(n) FROM outcomes "
    "WHERE reason IS NULL GROUP BY ALL ORDER BY 1, 2, 3"
)
TEXT_COLUMNS = {
    "type",
    "policing_operation",
    "gender",
    "age_range",
    "self_defined_ethnicity",
    "officer_defined_ethnicity",
    "legislation",
    "object_of_search",
    "outcome",
}


def _stop_search_sql(*, postgresql: bool, home: str | None) -> str:
    columns = []
    for name in STOP_SEARCH_COLUMNS:
        if name == "force" or name == "month":
            columns.append(name)
        elif name == "occurred_at":
            # Django keeps SQLite's datetimes as naive UTC text; PostgreSQL is told the offset.
            text = "strftime(occurred_at, '%Y-%m-%d %H:%M:%S')"
            columns.append(f"{text} || '+00'" if postgresql else text)
        elif name in TEXT_COLUMNS:
            columns.append(f"coalesce({name}, '')")
        elif name in ("latitude", "longitude") and not postgresql:
            columns.append(f"{name}::DOUBLE")
        else:
            columns.append(name)
    where = f" AND force = {literal(home)}" if home else ""
    return (
        f"SELECT {', '.join(columns)} FROM stop_and_search "  # noqa: S608 (constants)
        f"WHERE reason IS NULL{where} ORDER BY 1, 2, 3"
    )


def run_counts(results: list[FileResult]) -> tuple[dict, dict]:
    """Rows kept per month and kind ({"2024-01": {"street": 6116, …}}), and rows set aside by
    reason ({reason: count})."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    set_aside: Counter = Counter()
    for result in results:
        month = counts[f"{result.month:%Y-%m}"]
        month[result.kind] = month.get(result.kind, 0) + result.rows_kept
        set_aside.update(result.set_aside)
    return dict(sorted(counts.items())), dict(sorted(set_aside.items()))


Progress = Callable[[str, int, int], None]


def policeuk_import(
    *, staged: Staged, user=None, actor_label: str = "", progress: Progress | None = None
) -> ImportRun:
    """Write what the files hold, replacing each force-month-kind they cover: to the database,
    in one transaction, and to the Parquet store (``store``), holding its lock until the files
    the import replaces are deleted."""
    written: list = []
    with store.locked():
        for kind in store.KINDS:
            store.tidy(kind)
        try:
            return _import(
                staged=staged,
                user=user,
                actor_label=actor_label,
                progress=progress,
                written=written,
            )
        except BaseException:
            store.remove(written)
            raise


@transaction.atomic
def _import(
    *, staged: Staged, user, actor_label: str, progress: Progress | None, written: list
) -> ImportRun:
    """Street crime is written while the other kinds are still being read (``Staged.finish``
    waits for them; a file that cannot be read rolls it all back), then the other kinds, the
    run and its Parquet files. DuckDB's part of the writing (the CSV files PostgreSQL's COPY
    reads, the Parquet files) runs in a thread of its own, in the order the database's part here
    needs it: the two overlap, DuckDB working while the database server does."""
    checked = staged.checked
    kinds = staged.kinds()
    postgresql = connection.vendor == "postgresql"
    home = home_force(forces={f.force for f in checked})
    street, others = [], []
    if FileKind.STREET in kinds:
        where = f" AND force = {literal(home)}" if home else ""
        street.append((StreetCrimeCount, STREET_SQL.format(street=staged.street(), home=where)))
        street.append((DistrictCrimeCount, DISTRICT_SQL_ROWS.format(street=staged.street())))
    if FileKind.OUTCOMES in kinds:
        others.append((OutcomeCount, OUTCOMES_SQL))
    if FileKind.STOP_AND_SEARCH in kinds:
        others.append((StopSearch, _stop_search_sql(postgresql=postgresql, home=home)))
    cursor = staged.cursor()
    jobs: list[Future] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="policeuk-write") as duckdb_thread:

        def submit(function, *args, **kwargs) -> Future:
            jobs.append(duckdb_thread.submit(function, *args, **kwargs))
            return jobs[-1]

        def write(tables) -> None:
            exports = [
                submit(_export, cursor, sql, staged.workdir / f"{model._meta.db_table}.csv")
                for model, sql in tables
                if postgresql
            ]
            for number, (model, sql) in enumerate(tables):
                if postgresql:
                    _copy(exports[number].result(), model, progress=progress)
                else:
                    _insert(staged, model, sql, progress=progress)

        try:
            replaced = _replaced_delete(checked)
            write(street)
            _lsoas_update(staged.lsoas())
            staged.finish(progress)
            write(others)
            run = _run_record(staged.results, user=user, actor_label=actor_label)
            # Every force's street crime by LSOA and every force's searches: the Parquet files
            # the reading wrote, moved into the store.
            stored = [(kind, staged.parts[kind]) for kind in store.KINDS if kind in kinds]
            earlier = {kind: store.earlier(kind, replaced[kind], run=run) for kind, _ in stored}
            files = [
                submit(
                    store.write,
                    cursor,
                    kind=kind,
                    run_pk=run.pk,
                    earlier=earlier[kind],
                    written=written,
                    parts=parts,
                )
                for kind, parts in stored
            ]
            if FileKind.STREET in kinds:
                crime_figures_feed(user=user, actor_label=actor_label)
            for done, ((kind, _parts), file) in enumerate(zip(stored, files, strict=True)):
                if progress is not None:
                    progress("Writing Parquet files", done, len(stored))
                file.result()
                store.record(kind, run=run, earlier=earlier[kind])
            if progress is not None and stored:
                progress("Writing Parquet files", len(stored), len(stored))
        except BaseException:
            interrupted(cursor, jobs)  # what DuckDB has written is deleted by the caller
            raise
        finally:
            duckdb_thread.shutdown(wait=True)
            cursor.close()
    return run


def _run_record(results: list[FileResult], *, user, actor_label: str) -> ImportRun:
    """The run, and what each file it imported holds (``ForceMonth``)."""
    counts, set_aside = run_counts(results)
    run = save_created(
        ImportRun(
            actor_label=actor_label,
            paths=[r.source.label for r in results],
            counts=counts,
            set_aside=set_aside,
        ),
        user=user,
        actor_label=actor_label,
    )
    _rows_insert(
        ForceMonth,
        ["force", "month", "kind", "rows_kept", "rows_set_aside", "run_id", "stored_in_id"],
        [
            (
                r.force,
                r.month,
                r.kind,
                r.rows_kept,
                sum(r.set_aside.values()),
                run.pk,
                run.pk if r.kind in store.KINDS else None,
            )
            for r in results
        ],
    )
    return run


def _rows_insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (values of ``columns``) into ``model``'s table: by ``COPY`` on
    PostgreSQL, where thousands of rows take a few milliseconds, and in batches on SQLite."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            statement = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
            for start in range(0, len(rows), BATCH_SIZE):
                cursor.executemany(statement, rows[start : start + BATCH_SIZE])


def _replaced_delete(files: list[CheckedFile]) -> dict[str, set[int]]:
    """Delete what the files replace: one query per table, by force and its months. Returns,
    per kind, the runs whose Parquet folders held what is replaced (``store.holders``)."""
    replaced: dict[str, set[int]] = defaultdict(set)
    months: dict[tuple[str, str], set] = defaultdict(set)
    for file in files:
        months[(file.kind, file.force)].add(file.month)
    for kind, models in REPLACES.items():
        of_kind = {force: m for (k, force), m in months.items() if k == kind}
        if not of_kind:
            continue
        where = Q()
        for force, force_months in of_kind.items():
            where |= Q(force=force, month__in=sorted(force_months))
        if kind in store.KINDS:
            replaced[kind] = store.holders(kind, where)
        for model in models:
            model.objects.filter(where).delete()
        ForceMonth.objects.filter(where, kind=kind).delete()
    return replaced


def _columns(model) -> list[str]:
    if model is StopSearch:
        names = STOP_SEARCH_COLUMNS
    else:
        names = [f.name for f in model._meta.concrete_fields if not f.primary_key]
    return [model._meta.get_field(name).column for name in names]


def _export(cursor, sql: str, path) -> Path:
    """DuckDB writes the rows of ``sql`` as CSV, for ``_copy``."""
    cursor.execute(f"COPY ({sql}) TO '{path}' (HEADER false, DELIMITER ',')")
    return path


def _copy(path: Path, model, *, progress: Progress | None) -> None:
    """PostgreSQL's COPY reads the CSV file ``_export`` wrote, in chunks."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _columns(model))
    size = path.stat().st_size
    done = 0
    statement = f"COPY {table} ({columns}) FROM STDIN (FORMAT csv)"
    with (
        connection.cursor() as cursor,
        path.open("rb") as handle,
        cursor.cursor.copy(statement) as copy,
    ):
        while chunk := handle.read(CHUNK):
            copy.write(chunk)
            done += len(chunk)
            if progress is not None:
                progress(f"Writing {model._meta.verbose_name_plural}", done, size)
    path.unlink()


def _insert(staged: Staged, model, sql: str, *, progress: Progress | None) -> None:
    """Rows from DuckDB inserted in batches."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _columns(model)
    statement = (
        f"INSERT INTO {table} ({', '.join(connection.ops.quote_name(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    total = staged.query(f"SELECT count(*) FROM ({sql})").fetchone()[0]  # noqa: S608
    done = 0
    with connection.cursor() as cursor:
        for batch in batches(staged.query(sql), BATCH_SIZE):
            cursor.executemany(statement, batch)
            done += len(batch)
            if progress is not None:
                progress(f"Writing {model._meta.verbose_name_plural}", done, total)


def _lsoas_update(lsoas: list[tuple[str, str, str]]) -> None:
    """Record each LSOA seen in street files, its district name, and the district area of that
    name where PlanWatch has one. Only new and changed LSOAs are written (a national archive
    names tens of thousands, nearly all known after the first import)."""
    if not lsoas:
        return
    districts = {
        area.name: area.pk for area in Area.objects.filter(area_type=Area.AreaType.DISTRICT)
    }
    known = {
        code: (name, district, district_id)
        for code, name, district, district_id in Lsoa.objects.values_list(
            "code", "name", "district_name", "district_id"
        )
    }
    new, changed = [], []
    for code, name, district in lsoas:
        row = (name, district, districts.get(district))
        if code not in known:
            new.append((code, *row))
        elif known[code] != row:
            changed.append((code, *row))
    _rows_insert(Lsoa, ["code", "name", "district_name", "district_id"], new)
    if changed:
        by_code = Lsoa.objects.in_bulk([row[0] for row in changed], field_name="code")
        for code, name, district, district_id in changed:
            lsoa = by_code[code]
            lsoa.name, lsoa.district_name, lsoa.district_id = name, district, district_id
        Lsoa.objects.bulk_update(
            by_code.values(), ["name", "district_name", "district"], batch_size=5000
        )


@transaction.atomic
def district_counts_rebuild(*, force: str | None = None) -> int:
    """Recompute the district counts (of one force, or all) from the street counts and the
    LSOAs' districts, e.g. after LSOAs are recorded again. Returns the rows written."""
    rows = DistrictCrimeCount.objects.all()
    if force is not None:
        rows = rows.filter(force=force)
    rows.delete()
    street = connection.ops.quote_name(StreetCrimeCount._meta.db_table)
    lsoa = connection.ops.quote_name(Lsoa._meta.db_table)
    district = connection.ops.quote_name(DistrictCrimeCount._meta.db_table)
    where, params = ("WHERE s.force = %s", [force]) if force is not None else ("", [])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {district} (force, month, district_name, crime_type, count) "  # noqa: S608
            f"SELECT s.force, s.month, coalesce(l.district_name, ''), s.crime_type, sum(s.count) "
            f"FROM {street} s LEFT JOIN {lsoa} l ON l.code = s.lsoa_code {where} "
            "GROUP BY s.force, s.month, coalesce(l.district_name, ''), s.crime_type",
            params,
        )
        return cursor.rowcount
