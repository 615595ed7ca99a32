"""police.uk open data: street-level crime, outcomes and stop-and-search, as imported.

These are bulk data derived from the published files, not domain data that officers edit: an
import writes tens of thousands of rows at a time and a re-import replaces a force-month
wholesale. So the activity log records one entry per import run (the ``ImportRun`` itself,
created with ``planwatch.core.audit.save_created``), never one per row. What a run wrote is
traceable through ``ForceMonth.run``.
"""

from __future__ import annotations

from django.db import models

from planwatch.core.models import BaseModel


class FileKind(models.TextChoices):
    STREET = "street", "Street-level crime"
    OUTCOMES = "outcomes", "Outcomes"
    STOP_AND_SEARCH = "stop_and_search", "Stop and search"


class ImportRun(BaseModel):
    """One ``planwatch import-policeuk`` run: when (``created_at``), who (``created_by`` or
    ``actor_label``), what it read, what it kept and what it set aside."""

    actor_label = models.CharField(
        max_length=100, blank=True, help_text="Who ran it, when not a signed-in user."
    )
    paths = models.JSONField(default=list, blank=True, help_text="The files read, by name.")
    counts = models.JSONField(
        default=dict,
        blank=True,
        help_text='Rows kept per month and file kind: {"2024-01": {"street": 6116, …}, …}.',
    )
    set_aside = models.JSONField(
        default=dict, blank=True, help_text="Rows not kept, by reason: {reason: count}."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        files = len(self.paths)
        return f"police.uk import of {files} file{'s' if files != 1 else ''}"


class ForceMonth(models.Model):
    """One force's file of one kind for one month, as last imported. Re-importing the same
    force × month × kind replaces its rows."""

    force = models.CharField(max_length=60, help_text='As in the file name: "cambridgeshire".')
    month = models.DateField(help_text="The first day of the month.")
    kind = models.CharField(max_length=20, choices=FileKind.choices)
    rows_kept = models.PositiveIntegerField()
    rows_set_aside = models.PositiveIntegerField()
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="force_months")
    stored_in = models.ForeignKey(
        ImportRun,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The run whose Parquet file holds this force-month's rows (see store.py): the "
        "run that imported it, or a later one that wrote them again.",
    )

    class Meta:
        ordering = ["force", "month", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "month", "kind"], name="opendata_forcemonth_unique"
            )
        ]

    def __str__(self):
        return f"{self.force} {self.month:%Y-%m} {self.kind}"


class StreetCrimeCount(models.Model):
    """Street-level crimes (anti-social behaviour included) in one LSOA in a month, by crime type
    and last outcome category (blank for anti-social behaviour, which has none).

    One table answers both questions the street files ask: crimes by LSOA × type (sum over
    outcome categories) and by LSOA × outcome category (sum over types). Rows are written only
    by the import, grouped by all five keys, so each combination appears once per force-month;
    there is no unique constraint to maintain during bulk loads of millions of rows."""

    force = models.CharField(max_length=60)
    month = models.DateField()
    lsoa_code = models.CharField(max_length=12)
    crime_type = models.CharField(max_length=100)
    last_outcome_category = models.CharField(max_length=150, blank=True, default="")
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["force", "month"], name="opendata_street_force_month"),
            models.Index(fields=["lsoa_code", "month"], name="opendata_street_lsoa_month"),
        ]


class DistrictCrimeCount(models.Model):
    """Street-level crimes of one force in one district in a month, by crime type: the street
    counts summed over the district's LSOAs and their outcome categories, so that the force and
    district pages read a few hundred rows however much data is loaded. Written by the import
    with the street counts; ``services.district_counts_rebuild`` recomputes them from the
    street counts."""

    force = models.CharField(max_length=60)
    month = models.DateField()
    district_name = models.CharField(max_length=150, help_text="As LSOA names write it.")
    crime_type = models.CharField(max_length=100)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["force", "month"], name="opendata_district_force_month"),
            models.Index(fields=["district_name", "month"], name="opendata_district_name_month"),
        ]


class OutcomeCount(models.Model):
    """Outcomes recorded in a month (for crimes of that or earlier months), by outcome type."""

    force = models.CharField(max_length=60)
    month = models.DateField()
    outcome_type = models.CharField(max_length=150)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["force", "month", "outcome_type"], name="opendata_outcomecount_unique"
            )
        ]


class StopSearch(models.Model):
    """One stop-and-search record as published. Blank text fields are kept as ""."""

    force = models.CharField(max_length=60)
    month = models.DateField(help_text="The month of the file it was published in.")
    type = models.CharField(max_length=60)
    occurred_at = models.DateTimeField(help_text="As published, in UTC.")
    part_of_policing_operation = models.BooleanField(null=True)
    policing_operation = models.TextField(blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    gender = models.CharField(max_length=60, blank=True)
    age_range = models.CharField(max_length=60, blank=True)
    self_defined_ethnicity = models.TextField(blank=True)
    officer_defined_ethnicity = models.CharField(max_length=60, blank=True)
    legislation = models.TextField(blank=True)
    object_of_search = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    outcome_linked_to_object_of_search = models.BooleanField(null=True)
    removal_of_more_than_outer_clothing = models.BooleanField(null=True)

    class Meta:
        verbose_name = "stop-and-search record"
        indexes = [
            models.Index(fields=["force", "month"], name="opendata_stopsearch_fmonth"),
        ]


class Lsoa(models.Model):
    """An LSOA seen in the files, and the district it lies in, read from its name
    ("Cambridge 007B" → "Cambridge")."""

    code = models.CharField(max_length=12)
    name = models.CharField(max_length=150)
    district_name = models.CharField(max_length=150)
    district = models.ForeignKey(
        "places.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policeuk_lsoas",
        help_text="The district area of that name, when PlanWatch has one.",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = "LSOA"
        # Declared here rather than on the fields: on PostgreSQL a field's own index comes with a
        # second one for LIKE queries, which nothing makes and every import would write.
        constraints = [models.UniqueConstraint(fields=["code"], name="opendata_lsoa_code_unique")]
        indexes = [models.Index(fields=["district_name"], name="opendata_lsoa_district_name")]

    def __str__(self):
        return f"{self.code} {self.name}"


class Neighbourhood(BaseModel):
    """A named set of LSOAs an officer defines to ask questions of a place (e.g. Arbury, for
    a Safer Streets bid). Domain data: every change is recorded in the activity log."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in addresses and the CLI.")
    description = models.TextField(blank=True)
    lsoas = models.ManyToManyField(Lsoa, related_name="neighbourhoods", verbose_name="LSOAs")
    area = models.OneToOneField(
        "places.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="neighbourhood",
        help_text="Its place among PlanWatch's areas, which indicators' figures are given for.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PopulationFigure(BaseModel):
    """The population of one group (e.g. officer-defined ethnicity "Black"), entered by an
    officer so that stop-and-search rates per 1,000 and disproportionality ratios can be
    worked out. None are shipped: the figures, and their source, are the office's choice."""

    class GroupBy(models.TextChoices):
        OFFICER_DEFINED_ETHNICITY = "officer_defined_ethnicity", "Officer-defined ethnicity"
        SELF_DEFINED_ETHNICITY = "self_defined_ethnicity", "Self-defined ethnicity"
        AGE_RANGE = "age_range", "Age range"
        GENDER = "gender", "Gender"

    group_by = models.CharField(max_length=30, choices=GroupBy.choices)
    group = models.CharField(max_length=150, help_text="As police.uk writes it, e.g. Black.")
    population = models.PositiveIntegerField()
    source = models.CharField(max_length=300, help_text="e.g. Census 2021, table TS021.")

    class Meta:
        ordering = ["group_by", "group"]
        constraints = [
            models.UniqueConstraint(fields=["group_by", "group"], name="one_population_per_group")
        ]

    def __str__(self):
        return f"{self.get_group_by_display()}: {self.group}"
