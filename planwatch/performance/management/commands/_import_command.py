"""What ``planwatch import-indicators`` and ``planwatch import-figures`` share."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.performance.imports import MAX_FILE_BYTES, ImportRejected

ACTOR = "Command line"


def _refuse(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class ImportCommand(BaseCommand):
    what = ""  # "indicator definitions" or "figures"
    preview = staticmethod(lambda **kwargs: None)
    apply = staticmethod(lambda **kwargs: None)

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv (UTF-8) or .xlsx file with the template's header.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and say what would change, without changing anything.",
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _refuse(f"{path}: the file is larger than 5 MB; split it into smaller files.")
            data = path.read_bytes()
        except OSError as exc:
            raise _refuse(f"Could not read {path}: {exc.strerror or exc}") from exc
        if dry_run:
            preview = self.preview(file_name=path.name, data=data)
            if preview.errors:
                self._refuse_errors(preview.errors)
            if options["verbosity"] >= 2:
                for row in preview.to_write:
                    changes = "; ".join(f"{c.label}: {c.old} → {c.new}" for c in row.changes)
                    self.stdout.write(
                        f"row {row.row}: {row.status} {row.label}"
                        + (f" ({changes})" if changes else "")
                    )
            self.stdout.write(f"{preview.summary} Dry run: nothing was changed.")
            return
        try:
            result = self.apply(file_name=path.name, data=data, user=None, actor_label=ACTOR)
        except ImportRejected as exc:
            self._refuse_errors(exc.errors)
        self.stdout.write(result.summary)

    def _refuse_errors(self, errors):
        for error in errors:
            self.stderr.write(str(error))
        count = len(errors)
        raise _refuse(
            f"{count} error{'s' if count != 1 else ''} in the file: no {self.what} were imported. "
            "Correct the file and run the command again."
        )
