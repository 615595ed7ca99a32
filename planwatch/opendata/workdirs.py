"""The working folder of a police.uk import: ``policeuk-…`` in the system's temporary folder
(``TMPDIR``), holding the unpacked files of a ``.zip``, DuckDB's staging database and the Parquet
files before they move into the store. It can be as large as the archive.

An import deletes its folder when it ends, however it ends, except when its process is killed
outright (``kill -9``, or out of memory). So an import holds a lock on its folder's ``.in-use``
file while it runs, and the next import deletes every ``policeuk-…`` folder whose lock is free
(``abandoned_delete``): its process is gone, since the system releases a process's locks when it
dies. A folder without an ``.in-use`` file, or one the user cannot open, is left alone.
"""

from __future__ import annotations

import fcntl
import shutil
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
    try:
        # Locked under another name, then renamed: another import never finds an ``.in-use``
        # file that is not yet locked (a rename keeps the file, and so its lock).
        locking = folder / (IN_USE + ".new")
        with locking.open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            locking.rename(folder / IN_USE)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def abandoned_delete(parent: Path | None = None) -> list[Path]:
    """Delete the working folders in ``parent`` (the system's temporary folder by default) that
    no running import holds: those of imports killed outright. Returns them."""
    deleted = []
    for folder in sorted(Path(parent or tempfile.gettempdir()).glob(PREFIX + "*")):
        try:
            handle = (folder / IN_USE).open("r")
        except OSError:  # not a working folder, or not this user's
            continue
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # an import is running in it
                continue
            shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            deleted.append(folder)
    return deleted
