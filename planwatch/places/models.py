from django.db import models

from planwatch.core.models import ReferenceModel


class Area(ReferenceModel):
    """A place: the force area, a district / CSP area, a ward or an LSOA, each with its official
    GSS code; or a neighbourhood that officers define as a set of LSOAs (``opendata``), which has
    no official code and gets a local one, "NH" and seven digits."""

    class AreaType(models.TextChoices):
        FORCE = "force", "Force area"
        DISTRICT = "district", "District / CSP area"
        WARD = "ward", "Ward"
        LSOA = "lsoa", "LSOA"
        NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"

    name = models.CharField(max_length=150)
    gss_code = models.CharField(
        "GSS code",
        max_length=9,
        unique=True,
        help_text="The official code, e.g. E07000008 (a neighbourhood's is local: NH0000001).",
    )
    area_type = models.CharField(max_length=20, choices=AreaType.choices)
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
