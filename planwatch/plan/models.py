"""The Police and Crime Plan and the evidence of its delivery."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from planwatch.core.models import BaseModel


class Plan(BaseModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, unique=True)
    start_date = models.DateField(help_text="When the Plan became effective.")
    end_date = models.DateField()
    commissioner = models.CharField(max_length=150, blank=True)
    statutory_basis = models.CharField(
        max_length=200, default="the Police Reform and Social Responsibility Act 2011"
    )

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gt=models.F("start_date")),
                name="plan_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name


class Theme(BaseModel):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="themes")
    number = models.PositiveSmallIntegerField(help_text="Order within the Plan.")
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=60)
    aim = models.CharField(max_length=300, blank=True)
    shared_outcome = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "slug"], name="unique_theme_slug"),
            models.UniqueConstraint(fields=["plan", "number"], name="unique_theme_number"),
        ]

    def __str__(self):
        return self.name


class Objective(BaseModel):
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="objectives")
    number = models.PositiveSmallIntegerField(help_text="Order within the theme.")
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["theme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="unique_objective_number")
        ]

    def __str__(self):
        return self.title


class Priority(BaseModel):
    """A priority for action under an objective."""

    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="priorities")
    number = models.PositiveSmallIntegerField(help_text="Order within the objective.")
    title = models.CharField(max_length=400)

    class Meta:
        ordering = ["objective__theme", "objective__number", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["objective", "number"], name="unique_priority_number")
        ]

    def __str__(self):
        return self.title

    @property
    def theme(self):
        return self.objective.theme


class DeliveryStatus(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    SOME_DISRUPTION = "some_disruption", "Some disruption"
    MAJOR_DISRUPTION = "major_disruption", "Major disruption"
    COMPLETE = "complete", "Complete"
    NOT_STARTED = "not_started", "Not started"


class DeliveryUpdateQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(state=DeliveryUpdate.State.APPROVED)

    def between(self, start, end):
        return self.filter(date__gte=start, date__lte=end)


class DeliveryUpdate(BaseModel):
    """Dated narrative evidence of delivery against a priority for action."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="updates")
    date = models.DateField(help_text="The date the update describes.")
    title = models.CharField(
        "summary", max_length=200, help_text="A short summary, shown in lists."
    )
    narrative = models.TextField(
        help_text="What was done and what it achieved. Markdown: blank line between paragraphs, "
        "'- ' for bullet points."
    )
    status = models.CharField(
        "delivery status",
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.ON_TRACK,
    )
    disruption_reason = models.TextField(
        "reason for major disruption",
        blank=True,
        help_text="Required when the status is Major disruption.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    areas = models.ManyToManyField("places.Area", blank=True, related_name="delivery_updates")
    organisations = models.ManyToManyField(
        "partners.Organisation", blank=True, related_name="delivery_updates"
    )
    partnerships = models.ManyToManyField(
        "partners.Partnership", blank=True, related_name="delivery_updates"
    )
    work_streams = models.ManyToManyField(
        "partners.WorkStream", blank=True, related_name="delivery_updates"
    )
    source = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where this evidence was first reported, if elsewhere.",
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = DeliveryUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="major_disruption") | ~models.Q(disruption_reason=""),
                name="major_disruption_has_reason",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.status == DeliveryStatus.MAJOR_DISRUPTION and not self.disruption_reason.strip():
            raise ValidationError(
                {"disruption_reason": "Explain the major disruption: what happened and its effect"}
            )


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Action.Status.DONE)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Action(BaseModel):
    """An action or next step on a priority, with an owner and a due date."""

    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.PROTECT,
        related_name="actions",
        help_text="The organisation responsible.",
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="done") | models.Q(completed_on__isnull=False),
                name="done_action_has_completion_date",
            )
        ]

    def __str__(self):
        return self.description[:80]

    def clean(self):
        super().clean()
        if self.status == self.Status.DONE and not self.completed_on:
            raise ValidationError({"completed_on": "Enter the date the action was completed"})

    @property
    def is_overdue(self) -> bool:
        return (
            self.status != self.Status.DONE
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )
