"""The ``planwatch`` console script: runs any Django management command.

planwatch migrate
planwatch demo
planwatch report --theme communities --meeting panel-2019-11 --format pdf --output r.pdf
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["planwatch", *argv])
    args[0] = "planwatch"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
