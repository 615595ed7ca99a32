"""planwatch import-figures figures.csv [--dry-run]"""

from planwatch.performance import services
from planwatch.performance.imports import figures_import_preview

from ._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import figures (observations of indicators) from a CSV or Excel file, all or nothing: "
        "if any row has an error, every error is printed and nothing is imported (exit code 2). "
        "Rows identical to the stored figures are left alone."
    )
    what = "figures"
    preview = staticmethod(figures_import_preview)
    apply = staticmethod(services.figures_import)
