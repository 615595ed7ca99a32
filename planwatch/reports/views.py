"""Theme report pages: the list, creating a draft, the report with its downloads, editing the
text and finalising."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from planwatch.accountability import selectors as meeting_selectors
from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import check_rule, rule_required
from planwatch.core.lists import Column, csv_response, paginate, wants_csv
from planwatch.core.selectors import history_for
from planwatch.plan import selectors as plan_selectors
from planwatch.plan.selectors import objectives_with_priorities

from . import selectors, services
from .forms import ReportCreateForm, ReportEditForm, ReportFilterForm
from .intelligence import report_flags
from .models import ThemeReport
from .renderers import FORMATS, HtmlRenderer, document_body

COLUMNS = [
    Column("Theme", lambda r: r.theme.name),
    Column("Meeting", lambda r: r.meeting.get_body_display()),
    Column("Meeting date", lambda r: r.meeting.date),
    Column("Period start", lambda r: r.period_start),
    Column("Period end", lambda r: r.period_end),
    Column("State", lambda r: r.get_state_display()),
    Column(
        "Finalised on", lambda r: timezone.localdate(r.finalised_at) if r.finalised_at else None
    ),
    Column("SHA-256 of the final content", lambda r: r.sha256),
]


def _report(pk):
    return get_object_or_404(
        ThemeReport.objects.select_related("theme__plan", "meeting", "finalised_by").defer(
            "final_pdf", "final_docx"
        ),
        pk=pk,
    )


@rule_required(permissions.can_list_reports)
def report_list(request):
    user = request.user
    filter_form = ReportFilterForm(
        request.GET or None, themes=plan_selectors.theme_choices(), show_state=user.is_officer
    )
    theme, state = None, ""
    if filter_form.is_bound and filter_form.is_valid():
        theme = filter_form.cleaned_data.get("theme")
        state = filter_form.cleaned_data.get("state", "")
    reports = selectors.reports_filtered(user, theme=theme, state=state)
    if wants_csv(request):
        return csv_response("theme-reports", COLUMNS, reports)
    return render(
        request,
        "reports/report_list.html",
        {
            "filter_form": filter_form,
            "filtered": bool(theme or state),
            "page_obj": paginate(request, reports),
            "can_draft": permissions.can_draft_report(user),
        },
    )


@rule_required(permissions.can_draft_report)
def report_create(request):
    form_kwargs = {
        "themes": plan_selectors.theme_choices(),
        "meetings": meeting_selectors.meeting_choices(),
    }
    if request.method == "POST":
        form = ReportCreateForm(request.POST, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("action") == "default_period":
                period = selectors.report_default_period(
                    theme=data["theme"], meeting=data["meeting"]
                )
                initial = {**data, "period_start": period.start, "period_end": period.end}
                form = ReportCreateForm(initial=initial, **form_kwargs)
                return render(request, "reports/report_create.html", {"form": form})
            existing = selectors.report_for(theme=data["theme"], meeting=data["meeting"])
            report = services.report_create(
                theme=data["theme"],
                meeting=data["meeting"],
                user=request.user,
                period_start=data["period_start"],
                period_end=data["period_end"],
            )
            if existing:
                messages.success(request, "A report on this theme to this meeting already exists")
            else:
                messages.success(request, "The draft report has been created")
            return redirect("reports:report_detail", pk=report.pk)
    else:
        form = ReportCreateForm(initial=_create_initial(request, **form_kwargs), **form_kwargs)
    return render(request, "reports/report_create.html", {"form": form})


def _create_initial(request, *, themes, meetings) -> dict:
    """Theme and meeting from the query string (?theme=<id>&meeting=<id>), with the default
    period filled in when both are given."""
    initial = {}
    try:
        theme = themes.filter(pk=request.GET.get("theme")).first()
        meeting = meetings.filter(pk=request.GET.get("meeting")).first()
    except (TypeError, ValueError):
        return initial
    if theme:
        initial["theme"] = theme
    if meeting:
        initial["meeting"] = meeting
    if theme and meeting:
        period = selectors.report_default_period(theme=theme, meeting=meeting)
        initial.update(period_start=period.start, period_end=period.end)
    return initial


@rule_required(permissions.can_list_reports)
def report_detail(request, pk):
    report = _report(pk)
    check_rule(request, permissions.can_view_report, report)
    document = selectors.report_context(report=report)
    preview = ""
    if report.is_final:
        preview = document_body(report.final_html)
    if not preview:
        preview = HtmlRenderer().render_body(document)
    user = request.user
    flags = [] if report.is_final else report_flags(document)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "document": document,
            "flags": flags,
            "unacknowledged": [f for f in flags if not f["acknowledged"]],
            "can_acknowledge": permissions.can_acknowledge_flags(user),
            "preview": mark_safe(preview),  # noqa: S308 - rendered by our template from sanitised HTML
            "formats": [
                ("pdf", "Download PDF"),
                ("docx", "Download Word document"),
                ("html", "Download HTML"),
            ],
            "can_edit": permissions.can_edit_report(user, report),
            "can_finalise": permissions.can_finalise_report(user, report),
            "history": history_for(report),
        },
    )


@rule_required(permissions.can_edit_report)
def report_edit(request, pk):
    report = _report(pk)
    if report.is_final and permissions.can_draft_report(request.user):
        messages.info(request, "This report is final: it cannot be changed.")
        return redirect("reports:report_detail", pk=report.pk)
    check_rule(request, permissions.can_edit_report, report)
    objectives = objectives_with_priorities(theme=report.theme)
    form = ReportEditForm(
        request.POST or None, objectives=objectives, initial=ReportEditForm.initial_for(report)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(report=report, user=request.user, **form.report_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "The report’s text has been saved")
            return redirect("reports:report_detail", pk=report.pk)
    document = selectors.report_context(report=report)
    return render(
        request, "reports/report_edit.html", {"form": form, "report": report, "document": document}
    )


@rule_required(permissions.can_finalise_report)
def report_finalise(request, pk):
    report = _report(pk)
    if report.is_final:
        return redirect("reports:report_detail", pk=report.pk)
    check_rule(request, permissions.can_finalise_report, report)
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.report_finalise(report=report, user=request.user)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, "The report has been finalised")
            return redirect("reports:report_detail", pk=report.pk)
    document = selectors.report_context(report=report)
    flags = report_flags(document)
    return render(
        request,
        "reports/report_finalise.html",
        {
            "report": report,
            "document": document,
            "error": errors[0] if errors else "",
            "error_items": errors[1:],
            "flags": flags,
            "unacknowledged": [f for f in flags if not f["acknowledged"]],
            "can_acknowledge": permissions.can_acknowledge_flags(request.user),
        },
    )


@rule_required(permissions.can_list_reports)
def report_download(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404("No such format")
    report = get_object_or_404(ThemeReport, pk=pk)
    check_rule(request, permissions.can_view_report, report)
    content, content_type, filename = services.report_render(report=report, fmt=fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
