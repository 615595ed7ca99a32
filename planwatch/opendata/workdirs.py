"""The working folder of a police.uk import: ``policeuk-…`` in the system's temporary folder
(``TMPDIR``), holding the unpacked files of a ``.zip``, DuckDB's staging database and the Parquet
files before they move into the store. It can be as large as the archive.

An import deletes its folder when it ends, however it ends, except when its process is killed
outright (``kill -9``, or out of memory). So an import holds a lock on its folder's ``.in-use``
file while it runs, and the next import deletes every ``policeuk-…`` folder whose lock is free
(``abandoned_delete``): its process is gone, since the system releases a process's locks when it
dies. The lock is held until the rest of the folder is deleted, and ``.in-use`` goes last, so a
deletion cut short leaves a folder the next import still recognises. Only the user's own
folders holding a regular ``.in-use`` file are looked at; anything else is left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "policeuk-"
IN_USE = ".in-use"


@contextmanager
def working_folder(prefix: str = PREFIX, *, parent: Path | None = None) -> Iterator[Path]:
    """A new folder in ``parent`` (the system's temporary folder by default), locked as in use
    while within, and deleted at the end."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    # Locked under another name, then renamed: another import never finds an ``.in-use`` file
    # that is not yet locked (a rename keeps the file, and so its lock).
    locking = folder / (IN_USE + ".new")
    handle = None
    try:
        handle = locking.open("w")
        fcntl.flock(handle, fcntl.LOCK_EX)
        locking.rename(folder / IN_USE)
    except BaseException:
        if handle is not None:
            handle.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    with handle:
        try:
            yield folder
        finally:
            _delete(folder)


def abandoned_delete(parent: Path | None = None) -> list[Path]:
    """Delete the working folders in ``parent`` (the system's temporary folder by default) that
    no running import holds: those of imports killed outright. Returns them."""
    deleted = []
    for folder in sorted(Path(parent or tempfile.gettempdir()).glob(PREFIX + "*")):
        with _lock_file(folder) as handle:
            if handle is None:
                continue
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:  # an import is running in it
                continue
            _delete(folder)
        if not folder.exists():
            deleted.append(folder)
    return deleted


@contextmanager
def _lock_file(folder: Path) -> Iterator[int | None]:
    """The open ``.in-use`` file of ``folder`` if it is one of this user's working folders (a
    directory, not a link, holding a regular ``.in-use`` file), else None. Opened without
    following a link or waiting on a pipe."""
    try:
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            yield None
            return
        handle = os.open(folder / IN_USE, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        yield None
        return
    try:
        yield handle if stat.S_ISREG(os.fstat(handle).st_mode) else None
    finally:
        os.close(handle)


def _delete(folder: Path) -> None:
    """Delete the folder, its ``.in-use`` file last."""
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name == IN_USE:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    (folder / IN_USE).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()
