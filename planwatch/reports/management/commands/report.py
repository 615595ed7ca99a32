"""planwatch report --theme communities --meeting panel-2019-11 --format pdf --output r.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.accountability import selectors as meeting_selectors
from planwatch.plan.selectors import plan_current, theme_get, theme_list
from planwatch.reports import selectors, services
from planwatch.reports.renderers import FORMATS

ACTOR = "Command line"


def _refuse(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = (
        "Write the report on a theme to a meeting as a PDF, Word or HTML file. A draft is "
        "created first when there is no report yet; a final report is written as it was issued."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--theme", required=True, help="The theme's slug in the current Plan: communities."
        )
        parser.add_argument("--meeting", required=True, help="The meeting's slug: panel-2019-11.")
        parser.add_argument(
            "--format", dest="fmt", default="pdf", help=f"One of {', '.join(FORMATS)} (pdf)."
        )
        parser.add_argument(
            "--output", help="The file to write (default: the report's own file name, here)."
        )

    def handle(self, *args, theme, meeting, fmt, output, **options):
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise _refuse(f"Unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
        plan = plan_current()
        if plan is None:
            raise _refuse("There is no Plan yet: load one (planwatch demo) before reporting.")
        theme_obj = theme_get(slug=theme, plan=plan)
        if theme_obj is None:
            slugs = ", ".join(t.slug for t in theme_list(plan=plan)) or "(none)"
            raise _refuse(f"No theme '{theme}' in {plan}. Choose one of: {slugs}.")
        meeting_obj = meeting_selectors.meeting_get(slug=meeting)
        if meeting_obj is None:
            slugs = (
                ", ".join(m.slug for m in meeting_selectors.meeting_choices()) or "(none recorded)"
            )
            raise _refuse(f"No meeting '{meeting}'. Choose one of: {slugs}.")
        report = selectors.report_for(theme=theme_obj, meeting=meeting_obj)
        if report is None:
            report = services.report_create(
                theme=theme_obj, meeting=meeting_obj, user=None, actor_label=ACTOR
            )
            self.stderr.write(f"Created a draft report: {report}.")
        content, _content_type, filename = services.report_render(report=report, fmt=fmt)
        path = Path(output or filename)
        try:
            path.write_bytes(content)
        except OSError as exc:
            raise _refuse(f"Could not write {path}: {exc.strerror or exc}") from exc
        self.stdout.write(
            f"Wrote {path} ({report.get_state_display().lower()} report, {len(content):,} bytes)."
        )
