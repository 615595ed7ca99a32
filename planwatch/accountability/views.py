"""Pages of meetings, their agendas and recommendations, and Panel questions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required
from planwatch.core.lists import Column, csv_response, paginate, wants_csv
from planwatch.core.selectors import history_for

from . import selectors, services
from .forms import (
    AgendaItemForm,
    MeetingFilterForm,
    MeetingForm,
    PanelQuestionFilterForm,
    PanelQuestionForm,
    RecommendationForm,
)
from .models import AgendaItem, Body, PanelQuestion, Recommendation

MEETING_COLUMNS = [
    Column("Date", lambda m: m.date),
    Column("Meeting of", lambda m: m.get_body_display()),
    Column("Location", lambda m: m.location),
    Column("Reports cover from", lambda m: m.period_start),
    Column("Reports cover to", lambda m: m.period_end),
    Column("Papers or minutes", lambda m: m.minutes_url),
    Column("Reference", lambda m: m.slug),
]

PANEL_QUESTION_COLUMNS = [
    Column("Meeting", lambda q: str(q.meeting)),
    Column("Meeting date", lambda q: q.meeting.date),
    Column("Theme", lambda q: q.theme.name if q.theme else ""),
    Column("Priority for action", lambda q: q.priority.title if q.priority else ""),
    Column("Question", lambda q: q.question),
    Column("Asked by", lambda q: q.asked_by),
    Column("Status", lambda q: q.get_status_display()),
    Column("Response", lambda q: q.response),
    Column("Responded on", lambda q: q.responded_on),
]


def _filters(form, names):
    """The valid filter values of a bound filter form (invalid ones are ignored)."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


def _meeting_or_404(slug):
    meeting = selectors.meeting_get(slug=slug)
    if meeting is None:
        raise Http404
    return meeting


def _meeting_url(meeting, anchor=""):
    return reverse("accountability:meeting_detail", args=[meeting.slug]) + anchor


@rule_required(permissions.can_view_plan)
def meeting_list(request):
    form = MeetingFilterForm(request.GET or None, years=selectors.meeting_years())
    filters = _filters(form, ("body", "year"))
    if wants_csv(request):
        return csv_response("meetings", MEETING_COLUMNS, selectors.meeting_search(**filters))
    return render(
        request,
        "accountability/meeting_list.html",
        {
            "filter_form": form,
            "upcoming": selectors.meeting_search(when="upcoming", **filters),
            "page_obj": paginate(request, selectors.meeting_search(when="past", **filters)),
            "filtered": any(filters.values()),
            "can_manage": permissions.can_manage_meetings(request.user),
        },
    )


@rule_required(permissions.can_view_plan)
def meeting_detail(request, slug):
    meeting = _meeting_or_404(slug)
    return render(
        request,
        "accountability/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": selectors.meeting_agenda(meeting=meeting),
            "panel_questions": selectors.meeting_panel_questions(meeting=meeting),
            "theme_reports": selectors.meeting_theme_reports(meeting=meeting, user=request.user),
            "history": history_for(meeting),
            "can_manage": permissions.can_manage_meetings(request.user, meeting),
        },
    )


def _save(form, save):
    """Run ``save`` (a service call) and return its result, or None with the service's
    validation errors on the form."""
    try:
        return save()
    except ValidationError as error:
        form.add_error(None, error)
        return None


@rule_required(permissions.can_manage_meetings)
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = _save(
            form, lambda: services.meeting_create(user=request.user, **form.cleaned_data)
        )
        if meeting is not None:
            messages.success(request, f"Meeting added: {meeting}")
            return redirect("accountability:meeting_detail", slug=meeting.slug)
    return render(request, "accountability/meeting_form.html", {"form": form})


@rule_required(permissions.can_manage_meetings)
def meeting_edit(request, slug):
    meeting = _meeting_or_404(slug)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.meeting_update(
                user=request.user, meeting=meeting, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, "Meeting changed")
            return redirect("accountability:meeting_detail", slug=saved.slug)
    meeting.refresh_from_db()
    return render(request, "accountability/meeting_form.html", {"form": form, "meeting": meeting})


@rule_required(permissions.can_manage_meetings)
def agenda_item_create(request, slug):
    meeting = _meeting_or_404(slug)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = _save(
            form,
            lambda: services.agenda_item_create(
                user=request.user, meeting=meeting, **form.cleaned_data
            ),
        )
        if item is not None:
            messages.success(request, f"Agenda item {item.number} added")
            return redirect(_meeting_url(meeting, "#agenda"))
    return render(
        request, "accountability/agenda_item_form.html", {"form": form, "meeting": meeting}
    )


@rule_required(permissions.can_manage_meetings)
def agenda_item_edit(request, slug, pk):
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting"), pk=pk, meeting__slug=slug
    )
    meeting = item.meeting
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.agenda_item_update(
                user=request.user, agenda_item=item, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, f"Agenda item {saved.number} changed")
            return redirect(_meeting_url(meeting, "#agenda"))
    item.refresh_from_db()
    return render(
        request,
        "accountability/agenda_item_form.html",
        {"form": form, "meeting": meeting, "agenda_item": item, "history": history_for(item)},
    )


@rule_required(permissions.can_manage_meetings)
def recommendation_create(request, slug):
    meeting = _meeting_or_404(slug)
    initial = {}
    if request.GET.get("agenda_item", "").isdigit():
        initial["agenda_item"] = int(request.GET["agenda_item"])
    form = RecommendationForm(request.POST or None, meeting=meeting, initial=initial)
    if request.method == "POST" and form.is_valid():
        recommendation = _save(
            form,
            lambda: services.recommendation_create(
                user=request.user, meeting=meeting, **form.cleaned_data
            ),
        )
        if recommendation is not None:
            messages.success(request, "Recommendation added")
            return redirect(_meeting_url(meeting, "#agenda"))
    return render(
        request, "accountability/recommendation_form.html", {"form": form, "meeting": meeting}
    )


@rule_required(permissions.can_manage_meetings)
def recommendation_edit(request, slug, pk):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("agenda_item__meeting"),
        pk=pk,
        agenda_item__meeting__slug=slug,
    )
    meeting = recommendation.agenda_item.meeting
    form = RecommendationForm(request.POST or None, meeting=meeting, instance=recommendation)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.recommendation_update(
                user=request.user, recommendation=recommendation, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, "Recommendation changed")
            return redirect(_meeting_url(meeting, "#agenda"))
    return render(
        request,
        "accountability/recommendation_form.html",
        {
            "form": form,
            "meeting": meeting,
            "recommendation": recommendation,
            "history": history_for(recommendation),
        },
    )


@rule_required(permissions.can_view_plan)
def panel_question_list(request):
    form = PanelQuestionFilterForm(request.GET or None)
    filters = _filters(form, ("status", "meeting", "theme"))
    questions = selectors.panel_question_search(**filters)
    if wants_csv(request):
        return csv_response("panel-questions", PANEL_QUESTION_COLUMNS, questions)
    return render(
        request,
        "accountability/panel_question_list.html",
        {
            "filter_form": form,
            "page_obj": paginate(request, questions),
            "filtered": any(v for v in filters.values()),
        },
    )


def _question_or_404(pk):
    return get_object_or_404(
        PanelQuestion.objects.select_related("meeting", "theme", "priority__objective__theme"),
        pk=pk,
    )


@rule_required(permissions.can_view_plan)
def panel_question_detail(request, pk):
    question = _question_or_404(pk)
    return render(
        request,
        "accountability/panel_question_detail.html",
        {
            "question": question,
            "history": history_for(question),
            "can_manage": permissions.can_manage_meetings(request.user, question),
        },
    )


@rule_required(permissions.can_manage_meetings)
def panel_question_create(request, slug):
    meeting = _meeting_or_404(slug)
    if meeting.body != Body.PANEL:
        raise Http404("Panel questions are asked at Police and Crime Panel meetings")
    form = PanelQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = _save(
            form,
            lambda: services.panel_question_create(
                user=request.user, meeting=meeting, **form.cleaned_data
            ),
        )
        if question is not None:
            messages.success(request, "Panel question added")
            return redirect("accountability:panel_question_detail", pk=question.pk)
    return render(
        request, "accountability/panel_question_form.html", {"form": form, "meeting": meeting}
    )


@rule_required(permissions.can_manage_meetings)
def panel_question_edit(request, pk):
    question = _question_or_404(pk)
    form = PanelQuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.panel_question_update(
                user=request.user, panel_question=question, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, "Panel question changed")
            return redirect("accountability:panel_question_detail", pk=saved.pk)
    question.refresh_from_db()
    return render(
        request,
        "accountability/panel_question_form.html",
        {"form": form, "meeting": question.meeting, "question": question},
    )
