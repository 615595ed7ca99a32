"""Indicators and their observations: a value is indicator × area × period × breakdown."""

from django.conf import settings
from django.db import models

from planwatch.core.models import BaseModel, ReferenceModel


class Indicator(ReferenceModel):
    """Something the office measures, defined once and observed over areas and periods."""

    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        PERCENTAGE = "percentage", "Percentage"
        RATE = "rate", "Rate"
        MONEY = "money", "Money (£)"
        RATIO = "ratio", "Ratio"

    class Polarity(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"
        NEITHER = "neither", "Neither"

    class Aggregation(models.TextChoices):
        SUM = "sum", "Sum"
        AVERAGE = "average", "Average"
        LAST = "last", "Last value"

    class TableLayout(models.TextChoices):
        PERIODS_AS_ROWS = "periods_as_rows", "A row per period, a column per breakdown value"
        PERIODS_AS_COLUMNS = "periods_as_columns", "A column per period, a row per breakdown value"

    code = models.SlugField(max_length=60, unique=True, help_text="Used in files and addresses.")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=12, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(max_length=8, choices=Polarity.choices, default=Polarity.NEITHER)
    decimals = models.PositiveSmallIntegerField(
        default=0, help_text="Decimal places shown (0 to 4)."
    )
    aggregation = models.CharField(
        "Aggregation over time",
        max_length=8,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text="How monthly values combine into a longer period.",
    )
    source = models.CharField(max_length=200, blank=True)
    method = models.TextField(blank=True, help_text="How the figure is produced (Markdown).")
    rate_denominator = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="rate per 1,000 of",
        help_text="An indicator to express this one per 1,000 of, e.g. the resident population.",
    )
    table_layout = models.CharField(
        max_length=20, choices=TableLayout.choices, default=TableLayout.PERIODS_AS_COLUMNS
    )
    priorities = models.ManyToManyField(
        "plan.Priority", blank=True, related_name="indicators", verbose_name="linked priorities"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(decimals__lte=4), name="indicator_decimals")
        ]

    def __str__(self):
        return self.name


class Observation(BaseModel):
    """One figure: an indicator's value for an area, a period and a breakdown."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    area = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    period = models.CharField(max_length=30, help_text="Text form, e.g. 2019-05 or FY2019/20.")
    period_first = models.DateField(help_text="First day of the period's first month.")
    period_last = models.DateField(help_text="First day of the period's last month.")
    breakdown = models.CharField(
        max_length=200, blank=True, help_text="Dimension=value pairs, e.g. channel=999."
    )
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    sample_size = models.PositiveIntegerField(null=True, blank=True)
    stated_value = models.CharField(
        max_length=40, blank=True, help_text="The value as printed in a source document."
    )
    stated_change = models.CharField(
        max_length=40, blank=True, help_text="The % change as printed, e.g. +112."
    )
    change_basis = models.CharField(
        max_length=30, blank=True, help_text="The period the printed change is against."
    )
    source = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator", "area", "period_first", "period_last", "breakdown"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period_first", "period_last", "breakdown"],
                name="one_observation_per_indicator_area_period_breakdown",
            ),
            models.CheckConstraint(
                condition=models.Q(period_last__gte=models.F("period_first")),
                name="observation_period_in_order",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "area", "breakdown", "period_last"])]

    def __str__(self):
        parts = [str(self.indicator), self.period]
        if self.breakdown:
            parts.append(self.breakdown)
        return ", ".join(parts)


class FlagAcknowledgement(BaseModel):
    """An officer's reasoned acceptance of a printed figure that disagrees with the data."""

    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    kind = models.CharField(max_length=12)
    fingerprint = models.CharField(
        max_length=120, help_text="What was printed and computed when acknowledged."
    )
    reason = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField()

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["observation", "kind", "fingerprint"], name="one_acknowledgement_per_flag"
            )
        ]

    def __str__(self):
        return f"{self.observation} ({self.kind})"
