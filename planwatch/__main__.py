"""The ``planwatch`` console script: runs any Django management command.

planwatch migrate
planwatch demo
planwatch report --theme communities --meeting panel-2019-11 --format pdf --output r.pdf
planwatch import-figures figures.csv

Command names may be written with hyphens: ``import-figures`` runs ``import_figures``.
"""

import atexit
import gc
import os
import sys


def command_name(name: str) -> str:
    """``import-figures`` → ``import_figures``: Python modules (and so Django's commands) are
    named with underscores; on the command line either spelling works."""
    return name if name.startswith("-") else name.replace("-", "_")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["planwatch", *argv])
    args[0] = "planwatch"
    if len(args) > 1:
        args[1] = command_name(args[1])
        if args[1] == "help" and len(args) > 2:
            args[2] = command_name(args[2])
    if argv is None:
        # Run as the program: when the command has run, the process ends and the operating
        # system frees what it leaves, so Python need not search every object for reference
        # cycles on the way out (a tenth of a second once Django and a command's libraries are
        # loaded: a bulk import waits for it).
        atexit.register(gc.freeze)
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
