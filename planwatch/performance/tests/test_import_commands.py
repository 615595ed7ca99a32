"""planwatch import-indicators / import-figures: exit 0 with a summary, exit 2 with every error."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from planwatch.__main__ import main
from planwatch.core.models import ActivityLog
from planwatch.performance.models import Indicator, Observation

from .import_files import GOOD_FIGURES, figures_csv, indicators_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """The console script ends like Django's own, closing database connections; inside a
    test's transaction that would close the test's connection (on PostgreSQL)."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


def _counts():
    return (Indicator.objects.count(), Observation.objects.count(), ActivityLog.objects.count())


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_bytes(GOOD_FIGURES)
    return path


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(
        figures_csv(
            {"indicator": "contacts", "period": "2019-05", "value": "1"},
            {"indicator": "contacts", "period": "2019-13", "value": "1"},
            {"indicator": "nope", "period": "2019-06", "value": "1"},
        )
    )
    return path


def test_import_figures_prints_a_summary_and_exits_0(
    import_places, import_indicators, good, capsys
):
    main(["import-figures", str(good)])  # returns normally: exit code 0
    out = capsys.readouterr().out
    assert out.strip() == "figures.csv: 4 new, 0 changed, 0 unchanged."
    assert Observation.objects.count() == 4
    log = ActivityLog.objects.filter(action="create").first()
    assert log.user is None and log.actor_label == "Command line"


def test_both_spellings_run_the_command(import_places, import_indicators, good, capsys):
    call_command("import_figures", str(good))
    main(["import_figures", str(good)])
    assert "0 new, 0 changed, 4 unchanged" in capsys.readouterr().out


def test_bad_file_prints_every_error_exits_2_and_changes_nothing(
    import_places, import_indicators, bad, capsys
):
    before = _counts()
    with pytest.raises(SystemExit) as exited:
        main(["import-figures", str(bad)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "bad.csv, row 3, column period: " in err
    assert "bad.csv, row 4, column indicator: 'nope' is not an indicator's code" in err
    assert "2 errors in the file: no figures were imported" in err
    assert _counts() == before


def test_call_command_raises_command_error_with_code_2(import_places, import_indicators, bad):
    with pytest.raises(CommandError) as caught:
        call_command("import_figures", str(bad))
    assert caught.value.returncode == 2
    assert Observation.objects.count() == 0


def test_missing_file_exits_2(db, tmp_path):
    with pytest.raises(CommandError, match="Could not read") as caught:
        call_command("import_figures", str(tmp_path / "missing.csv"))
    assert caught.value.returncode == 2


def test_dry_run_prints_the_preview_and_changes_nothing(
    import_places, import_indicators, good, capsys
):
    before = _counts()
    call_command("import_figures", str(good), "--dry-run", verbosity=2)
    out = capsys.readouterr().out
    assert "row 2: new contacts, Cambridgeshire and Peterborough, 2019-05 (May 2019)" in out
    assert out.strip().endswith(
        "figures.csv: 4 new, 0 changed, 0 unchanged. Dry run: nothing was changed."
    )
    assert _counts() == before


def test_dry_run_of_a_bad_file_exits_2(import_places, import_indicators, bad):
    with pytest.raises(CommandError) as caught:
        call_command("import_figures", str(bad), "--dry-run")
    assert caught.value.returncode == 2


def test_import_indicators(db, tmp_path, capsys):
    path = tmp_path / "indicators.csv"
    path.write_bytes(
        indicators_csv(
            {"code": "contacts", "name": "Contacts", "unit": "count", "polarity": "neither"},
            {"code": "crimes", "name": "Crimes", "unit": "count", "polarity": "lower"},
        )
    )
    main(["import-indicators", str(path)])
    assert capsys.readouterr().out.strip() == "indicators.csv: 2 new, 0 changed, 0 unchanged."
    assert Indicator.objects.count() == 2

    path.write_bytes(
        indicators_csv({"code": "crimes", "name": "Crimes", "unit": "lots", "polarity": "lower"})
    )
    with pytest.raises(SystemExit) as exited:
        main(["import-indicators", str(path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "indicators.csv, row 2, column unit: 'lots' is not one of" in err
    assert Indicator.objects.get(code="crimes").unit == "count"


def test_help_accepts_the_hyphenated_name(capsys):
    main(["help", "import-figures"])
    assert "--dry-run" in capsys.readouterr().out
