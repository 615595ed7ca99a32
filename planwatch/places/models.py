from django.db import models

from planwatch.core.models import ReferenceModel


class Area(ReferenceModel):
    """A place with an official GSS code: the force area, a district / CSP area, a ward, an LSOA."""

    class AreaType(models.TextChoices):
        FORCE = "force", "Force area"
        DISTRICT = "district", "District / CSP area"
        WARD = "ward", "Ward"
        LSOA = "lsoa", "LSOA"

    name = models.CharField(max_length=150)
    gss_code = models.CharField(
        "GSS code", max_length=9, unique=True, help_text="The official code, e.g. E07000008."
    )
    area_type = models.CharField(max_length=10, choices=AreaType.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["area_type", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area_type="force") | models.Q(parent__isnull=False),
                name="area_below_force_has_parent",
            )
        ]

    def __str__(self):
        return self.name
