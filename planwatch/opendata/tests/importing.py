"""Running ``planwatch import-policeuk`` in tests: its output, a refusal, and what the
database holds, to show that a refused or stopped run changed nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Sum

from planwatch.opendata.models import ForceMonth, ImportRun, StopSearch, StreetCrimeCount

JAN = "2024-01-cambridgeshire-street.csv"
FEB = "2024-02-cambridgeshire-street.csv"


def import_files(*paths):
    """Run the command on ``paths``: its standard output and standard error."""
    out, err = StringIO(), StringIO()
    call_command("import_policeuk", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*paths) -> str:
    """Run the command on ``paths``, which it must refuse (exit 2): its standard error."""
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_policeuk", *map(str, paths), stdout=StringIO(), stderr=err)
    assert error.value.returncode == 2
    assert "nothing was imported" in str(error.value)
    return err.getvalue()


def database_state():
    """What the import's tables hold, in brief."""
    return (
        ImportRun.objects.count(),
        list(ForceMonth.objects.values_list("force", "month", "kind", "rows_kept")),
        StreetCrimeCount.objects.aggregate(n=Sum("count"))["n"],
        StopSearch.objects.count(),
    )


def written(tmp_path, name, data: bytes):
    """A file ``name`` of ``data`` in ``tmp_path``."""
    path = tmp_path / name
    path.write_bytes(data)
    return path
