import datetime as dt

from planwatch.accountability.models import Body
from planwatch.accountability.tests.factories import AgendaItemFactory, MeetingFactory
from planwatch.reports import selectors
from planwatch.reports.models import ThemeReport
from planwatch.reports.services import report_create


def test_default_period_runs_from_the_day_after_the_previous_theme_meeting_to_the_meeting(
    report_plan,
):
    period = selectors.report_default_period(theme=report_plan.theme, meeting=report_plan.panel)
    assert (period.start, period.end) == (dt.date(2019, 8, 1), dt.date(2019, 11, 20))


def test_meetings_that_did_not_report_on_the_theme_are_passed_over(report_plan):
    other_theme_meeting = MeetingFactory(body=Body.BOARD, date=dt.date(2019, 10, 2))
    AgendaItemFactory(meeting=other_theme_meeting, theme=None, title="Estates")
    period = selectors.report_default_period(theme=report_plan.theme, meeting=report_plan.panel)
    assert period.start == dt.date(2019, 8, 1)


def test_default_period_is_twelve_months_with_no_previous_report(report_plan):
    period = selectors.report_default_period(theme=report_plan.theme, meeting=report_plan.board)
    assert (period.start, period.end) == (dt.date(2018, 8, 1), dt.date(2019, 7, 31))


def test_the_meetings_own_period_overrides_the_default(report_plan):
    meeting = report_plan.panel
    meeting.period_start = dt.date(2019, 4, 1)
    meeting.period_end = dt.date(2019, 9, 30)
    meeting.save()
    period = selectors.report_default_period(theme=report_plan.theme, meeting=meeting)
    assert (period.start, period.end) == (dt.date(2019, 4, 1), dt.date(2019, 9, 30))


def test_members_see_final_reports_only(report_plan, officer, member, partner):
    draft = report_create(theme=report_plan.theme, meeting=report_plan.panel, user=officer)
    final = report_create(theme=report_plan.theme, meeting=report_plan.board, user=officer)
    ThemeReport.objects.filter(pk=final.pk).update(state="final", snapshot={})
    assert set(selectors.reports_visible_to(officer)) == {draft, final}
    assert list(selectors.reports_visible_to(member)) == [final]
    assert list(selectors.reports_visible_to(partner)) == []
    assert list(selectors.reports_filtered(officer, state="draft")) == [draft]
