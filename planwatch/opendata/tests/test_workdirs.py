"""An import's working folder: deleted when the import ends, and by the next import when its
process was killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from planwatch.opendata.models import ImportRun
from planwatch.opendata.workdirs import IN_USE, abandoned_delete, working_folder

from .helpers import POLICEUK_2024

# A process that makes a working folder, says where, and is killed outright inside it.
KILLED = """
import os, signal, sys
from pathlib import Path
from planwatch.opendata.workdirs import working_folder
with working_folder(parent=Path(sys.argv[1])) as folder:
    (folder / "unpacked").mkdir()
    (folder / "unpacked" / "2024-01-force-street.csv").write_text("Crime ID\\n")
    print(folder, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_inside_its_working_folder(parent):
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(parent)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL
    return parent / os.path.basename(done.stdout.strip())


def test_a_working_folder_is_deleted_when_the_import_ends(tmp_path):
    with working_folder(parent=tmp_path) as folder:
        (folder / "staging.duckdb").write_bytes(b"x")
        assert (folder / IN_USE).exists()
    assert not folder.exists()


def test_one_left_by_a_process_killed_outright_is_deleted_by_the_next(tmp_path):
    left = _killed_inside_its_working_folder(tmp_path)
    assert (left / "unpacked").is_dir()  # kill -9 leaves it behind
    assert abandoned_delete(tmp_path) == [left]
    assert not left.exists()


def test_one_in_use_by_a_running_import_is_left_alone(tmp_path):
    with working_folder(parent=tmp_path) as running:
        assert abandoned_delete(tmp_path) == []
        assert running.is_dir()


def test_other_folders_are_left_alone(tmp_path):
    # Named alike but not a working folder (no lock file), or not a folder at all.
    (tmp_path / "policeuk-notes").mkdir()
    (tmp_path / "policeuk-notes" / "keep.txt").write_text("mine")
    (tmp_path / "policeuk-file").write_text("mine")
    (tmp_path / "other").mkdir()
    assert abandoned_delete(tmp_path) == []
    assert (tmp_path / "policeuk-notes" / "keep.txt").exists()
    assert (tmp_path / "policeuk-file").exists()


def test_a_pipe_or_a_link_named_in_use_is_left_alone_without_waiting(tmp_path):
    """Anyone can make a ``policeuk-…`` folder in a shared temporary folder: opening a named
    pipe there must not make the import wait for a writer, nor a link be followed."""
    pipe = tmp_path / "policeuk-pipe"
    pipe.mkdir()
    os.mkfifo(pipe / IN_USE)
    linked = tmp_path / "policeuk-link"
    linked.mkdir()
    (tmp_path / "elsewhere").write_text("not a lock")
    (linked / IN_USE).symlink_to(tmp_path / "elsewhere")
    (tmp_path / "policeuk-to-a-folder").symlink_to(tmp_path / "other", target_is_directory=True)
    done = []
    looking = threading.Thread(target=lambda: done.append(abandoned_delete(tmp_path)), daemon=True)
    looking.start()
    looking.join(timeout=10)
    assert done == [[]]
    assert (pipe / IN_USE).exists() and (linked / IN_USE).is_symlink()
    assert (tmp_path / "elsewhere").exists()


@pytest.mark.skipif(os.getuid() != 0, reason="making another user's folder needs root")
def test_another_users_folder_is_left_alone(tmp_path):
    theirs = _killed_inside_its_working_folder(tmp_path)
    os.chown(theirs, 65534, 65534)
    assert abandoned_delete(tmp_path) == []
    assert theirs.is_dir()


@pytest.mark.django_db
@pytest.mark.skipif(not POLICEUK_2024.is_dir(), reason="needs the police.uk files")
def test_the_import_command_deletes_them_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left = _killed_inside_its_working_folder(tmp_path)
    err = StringIO()
    call_command(
        "import_policeuk",
        str(POLICEUK_2024 / "2024-01-cambridgeshire-stop-and-search.csv"),
        stdout=StringIO(),
        stderr=err,
    )
    assert f"Deleted {left}, the working folder of an import killed outright." in err.getvalue()
    assert not left.exists()
    assert ImportRun.objects.count() == 1
    # The import's own working folder is gone too.
    assert not list(tmp_path.glob("policeuk-*"))
