# ruff: noqa: S608 -- the SQL here is built from constants, column names and file paths of
# the import itself, never from the text of the files read.
"""Staging stop-and-search files (``ingest`` stages the other kinds and runs this one): the
records as published, each field typed as it is kept, and checked.

A search's date and time are kept in UTC to the second; its booleans and coordinates typed; the
rest as text, trimmed. A record without a date is set aside. One whose date, booleans or
coordinates do not read (``_unreadable``) makes the file's problems be located, and nothing is
imported; so does a NUL byte in a text value kept. The kept records are written once, as the
run's Parquet file of searches (``store``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.performance.imports import RowError

from . import store
from .checks import CheckedFile
from .duckdb_read import literal, located, nul_errors, read
from .models import FileKind
from .reading import NO_DATE, STOP_SEARCH_BOOLEANS, STOP_SEARCH_DECIMALS, STOP_SEARCH_FIELDS

if TYPE_CHECKING:
    from .ingest import Staged

# A stop and search's date and time as police.uk writes them, with the offset from UTC.
_DATE = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$"


def _search_values() -> dict[str, str]:
    """Each kept column of a search (except its force and month), as DuckDB reads it from the
    published text: the date and time in UTC to the second, the booleans and coordinates typed
    (NULL when blank or when they do not read), the rest as text."""
    values = {
        "occurred_at": "date_trunc('second', try_cast(trim(src.\"Date\") AS TIMESTAMPTZ)::TIMESTAMP)"
    }
    for column, name in STOP_SEARCH_FIELDS.items():
        values[name] = f'trim(src."{column}")'
    for column, name in STOP_SEARCH_BOOLEANS.items():
        values[name] = (
            f"CASE trim(src.\"{column}\") WHEN 'True' THEN true WHEN 'False' THEN false END"
        )
    for column, name in STOP_SEARCH_DECIMALS.items():
        values[name] = f'try_cast(trim(src."{column}") AS DECIMAL(9, 6))'
    return values


def _unreadable(values: dict[str, str]) -> str:
    """True for a search whose date, booleans or coordinates do not read (``reading`` says
    how, per row): the typed value (``_search_values``) is NULL, or out of range, where the
    text is not blank."""
    date = f'(src."Date" IS NOT NULL AND ({values["occurred_at"]} IS NULL '
    date += f"OR NOT regexp_matches(trim(src.\"Date\"), '{_DATE}')))"
    checks = [date]
    for column, name in STOP_SEARCH_BOOLEANS.items():
        checks.append(f"({values[name]} IS NULL AND trim(src.\"{column}\") <> '')")
    for column, name in STOP_SEARCH_DECIMALS.items():
        checks.append(
            f"(trim(src.\"{column}\") <> '' AND coalesce(abs({values[name]}) > 180, true))"
        )
    return " OR ".join(checks)


# The columns of a search as kept (``services`` writes the office's own to the database).
STOP_SEARCH_COLUMNS = [
    "force",
    "month",
    "occurred_at",
    "type",
    "part_of_policing_operation",
    "policing_operation",
    "latitude",
    "longitude",
    "gender",
    "age_range",
    "self_defined_ethnicity",
    "officer_defined_ethnicity",
    "legislation",
    "object_of_search",
    "outcome",
    "outcome_linked_to_object_of_search",
    "removal_of_more_than_outer_clothing",
]
# The kept searches as the Parquet store keeps them (``store``).
SEARCH_PART = (
    "SELECT force, month_text AS month, "
    + ", ".join(c for c in STOP_SEARCH_COLUMNS if c not in ("force", "month"))
    + " FROM stop_and_search WHERE reason IS NULL"
)


def stage_searches(staged: Staged, con, files: list[CheckedFile]) -> list[RowError]:
    """Records as published; a record without a date is set aside, one whose date, booleans or
    coordinates do not read makes the file's problems be located (and nothing imported)."""
    values = _search_values()
    records = (
        "SELECT file_index, "
        f'CASE WHEN src."Date" IS NULL THEN {literal(NO_DATE)} END AS reason, '
        f"coalesce({_unreadable(values)}, false) AS bad, "
        + ", ".join(f"{value} AS {name}" for name, value in values.items())
        + " FROM src"
    )
    errors = read(
        con, files, FileKind.STOP_AND_SEARCH, records, "g.* EXCLUDE (file_index)", stop=staged.stop
    )
    if errors or not files:
        return errors
    text = ", ".join(STOP_SEARCH_FIELDS.values())
    errors = nul_errors(
        con,
        files,
        f"SELECT DISTINCT idx FROM stop_and_search WHERE contains(concat({text}), chr(0))",
    )
    if errors:
        return errors
    bad = {
        idx
        for (idx,) in con.execute(
            "SELECT DISTINCT idx FROM stop_and_search WHERE bad AND reason IS NULL"
        ).fetchall()
    }
    if bad:
        return located([f for i, f in enumerate(files) if i in bad], stop=staged.stop)
    folder = staged.workdir / "stop_and_search"
    folder.mkdir(exist_ok=True)
    part = folder / "part-0.parquet"
    con.execute(f"COPY ({SEARCH_PART}) TO {literal(str(part))} ({store.PARQUET})")
    staged.parts[FileKind.STOP_AND_SEARCH].append(part)
    return []
