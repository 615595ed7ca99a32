"""Run a Python module as ``python -m`` does, and write the process's peak resident memory to a
file when it exits:

python -m planwatch.opendata.bench.peak PEAK_FILE planwatch import-policeuk ARCHIVE

The peak is the kernel's high-water mark of this process's memory (``VmHWM`` in
``/proc/self/status``, in kB). ``ru_maxrss`` from ``wait4`` is not used: Linux carries into it
the memory of the process that started this one (at ``exec``), so a child of a large process
would report the parent's size.
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB (KiB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    # Without /proc: the process's own figure (KiB on Linux, where it may include the parent's).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    peak_file, module, *args = sys.argv[1:]
    atexit.register(lambda: Path(peak_file).write_text(f"{peak_rss_kb()}\n"))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
