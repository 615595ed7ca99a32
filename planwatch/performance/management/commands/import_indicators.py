"""planwatch import-indicators indicators.csv [--dry-run]"""

from planwatch.performance import services
from planwatch.performance.imports import indicators_import_preview

from ._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import indicator definitions from a CSV or Excel file, all or nothing: if any row has "
        "an error, every error is printed and nothing is imported (exit code 2). An existing "
        "code updates that indicator; identical rows are left alone."
    )
    what = "indicator definitions"
    preview = staticmethod(indicators_import_preview)
    apply = staticmethod(services.indicators_import)
