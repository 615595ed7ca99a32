"""Meetings of the Board, the Panel and the Countywide Board; agenda items, recommendations and
Panel questions."""

import calendar
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from planwatch.core.models import BaseModel


class Body(models.TextChoices):
    BOARD = "board", "Business Coordination Board"
    PANEL = "panel", "Police and Crime Panel"
    COUNTYWIDE = "countywide", "Countywide Community Safety Strategic Board"


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate()).order_by("date")


class Meeting(BaseModel):
    """A meeting, addressed by the slug ``<body>-<yyyy>-<mm>`` (``panel-2019-11``)."""

    body = models.CharField(max_length=12, choices=Body.choices)
    date = models.DateField()
    slug = models.SlugField(max_length=30, unique=True, editable=False)
    location = models.CharField(max_length=200, blank=True)
    period_start = models.DateField(
        null=True,
        blank=True,
        help_text="First day of the period its reports cover. Leave blank for the default: "
        "the months since the previous report on the theme.",
    )
    period_end = models.DateField(null=True, blank=True)
    minutes_url = models.URLField(blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]

    def __str__(self):
        return f"{self.get_body_display()}, {self.date:%-d %B %Y}"

    def save(self, *args, **kwargs):
        self.slug = self.make_slug(self.body, self.date)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.body and self.date:
            self.slug = self.make_slug(self.body, self.date)
            clash = Meeting.objects.filter(slug=self.slug).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"date": f"There is already a {self.get_body_display()} meeting in that month"}
                )

    @staticmethod
    def make_slug(body: str, date: dt.date) -> str:
        return f"{body}-{date:%Y-%m}"

    @property
    def is_panel(self) -> bool:
        return self.body == Body.PANEL

    @property
    def month_end(self) -> dt.date:
        return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])


class AgendaItem(BaseModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(max_length=10, help_text="As on the agenda, e.g. 9.2.")
    title = models.CharField(max_length=300)
    theme = models.ForeignKey(
        "plan.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
        help_text="The Plan theme this item reports on, if any.",
    )
    presenter = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["meeting", "number"]

    def __str__(self):
        return f"{self.number} {self.title}"


class Recommendation(BaseModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        AGREED = "agreed", "Agreed"
        NOTED = "noted", "Noted"
        NOT_AGREED = "not_agreed", "Not agreed"

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.CharField(max_length=10, blank=True)
    text = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)

    class Meta:
        ordering = ["agenda_item", "number", "id"]

    def __str__(self):
        return self.text[:80]


class PanelQuestionQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(status=PanelQuestion.Status.AWAITING_RESPONSE)


class PanelQuestion(BaseModel):
    """A question put by the Police and Crime Panel, and the Commissioner's response."""

    class Status(models.TextChoices):
        AWAITING_RESPONSE = "awaiting_response", "Awaiting response"
        ANSWERED = "answered", "Answered"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="panel_questions")
    theme = models.ForeignKey(
        "plan.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="panel_questions",
    )
    priority = models.ForeignKey(
        "plan.Priority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="panel_questions",
        help_text="The priority for action the question is about, if any: the report prints "
        "the question and response under it.",
    )
    question = models.TextField()
    asked_by = models.CharField(max_length=150, blank=True, help_text="Who asked: a Panel member.")
    response = models.TextField(blank=True, help_text="Markdown.")
    responded_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.AWAITING_RESPONSE
    )

    objects = PanelQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self):
        return self.question[:80]

    def clean(self):
        super().clean()
        if self.status == self.Status.ANSWERED and not self.response.strip():
            raise ValidationError({"response": "Enter the response before marking it answered"})
        if self.priority_id and self.theme_id and self.priority.objective.theme_id != self.theme_id:
            raise ValidationError({"priority": "The priority must belong to the question's theme"})
