"""Theme reports to the Board and the Panel: an editable draft, then a frozen final version."""

from django.db import models

from planwatch.core.models import BaseModel


class ThemeReport(BaseModel):
    """The report on one Plan theme to one meeting, covering one period.

    While a draft, its content is built from the live data each time it is shown. Finalising
    stores the built content (``snapshot``) and the three rendered files; from then on the
    report is read from them and never changes.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    theme = models.ForeignKey("plan.Theme", on_delete=models.PROTECT, related_name="reports")
    meeting = models.ForeignKey(
        "accountability.Meeting", on_delete=models.PROTECT, related_name="theme_reports"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    state = models.CharField(max_length=8, choices=State.choices, default=State.DRAFT)
    author = models.CharField(max_length=150, blank=True, help_text="Shown as 'From:'.")
    purpose = models.TextField(blank=True, help_text="Markdown. One paragraph per blank line.")
    recommendations = models.TextField(
        blank=True, help_text="One recommendation per paragraph (blank line between)."
    )
    background_note = models.TextField(
        blank=True, help_text="Optional paragraphs added after the generated background."
    )
    introductions = models.JSONField(
        default=dict,
        blank=True,
        help_text="Introductory text per objective, keyed by objective id (Markdown).",
    )
    next_steps_note = models.TextField(
        blank=True, help_text="Introduces the next steps, before the list of open actions."
    )
    include_stop_search = models.BooleanField(
        "Include stop and search for the period",
        default=False,
        help_text="Adds a Stop and search section: searches by officer-defined ethnicity in "
        "the months of the period, from the imported police.uk records.",
    )
    finalised_at = models.DateTimeField(null=True, blank=True, editable=False)
    finalised_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    final_html = models.TextField(blank=True, editable=False)
    final_pdf = models.BinaryField(null=True, blank=True, editable=False)
    final_docx = models.BinaryField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-meeting__date", "theme__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "meeting"], name="one_report_per_theme_meeting"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(snapshot__isnull=False),
                name="final_report_has_snapshot",
            ),
        ]

    def __str__(self):
        return f"{self.theme} theme report to the {self.meeting}"

    @property
    def is_final(self) -> bool:
        return self.state == self.State.FINAL
