"""Organisations, partnership bodies, their memberships and work streams."""

from django.db import models

from planwatch.core.models import BaseModel, ReferenceModel


class Organisation(ReferenceModel):
    class OrganisationType(models.TextChoices):
        POLICE = "police", "Police"
        OPCC = "opcc", "Office of the Police and Crime Commissioner"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        FIRE = "fire", "Fire and rescue"
        HEALTH = "health", "Health"
        CRIMINAL_JUSTICE = "criminal_justice", "Criminal justice"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        BUSINESS = "business", "Business"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    organisation_type = models.CharField(
        max_length=20, choices=OrganisationType.choices, default=OrganisationType.OTHER
    )
    area = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="organisations"
    )
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Partnership(BaseModel):
    """A partnership body: a board, a Community Safety Partnership, a Delivery Group..."""

    class PartnershipType(models.TextChoices):
        STRATEGIC_BOARD = "strategic_board", "Strategic board"
        CSP = "csp", "Community Safety Partnership"
        DELIVERY_GROUP = "delivery_group", "Countywide Delivery Group"
        EXECUTIVE_BOARD = "executive_board", "Executive board"
        PARTNERSHIP = "partnership", "Partnership"
        COLLABORATION = "collaboration", "Collaboration"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    partnership_type = models.CharField(max_length=20, choices=PartnershipType.choices)
    area = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="partnerships"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(blank=True, help_text="Markdown.")
    established = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(BaseModel):
    """An organisation's place in a partnership. For three-tier partnerships (such as CAPASP)
    the role is the tier: chair and member sit on the Board; then Board Advisors; Supporters."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        MEMBER = "member", "Member"
        BOARD_ADVISOR = "board_advisor", "Board advisor"
        SUPPORTER = "supporter", "Supporter"

    TIERS = [
        ("Board", (Role.CHAIR, Role.MEMBER)),
        ("Board advisors", (Role.BOARD_ADVISOR,)),
        ("Supporters", (Role.SUPPORTER,)),
    ]

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["partnership", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} - {self.get_role_display()} of {self.partnership}"


class WorkStream(ReferenceModel):
    """A strand of work: the Partnership Matrix's prevention work streams, Think Communities'
    streams, the Countywide Community Safety Agreement's prevention streams."""

    class Tier(models.TextChoices):
        PRIMARY = "primary", "Primary prevention"
        SECONDARY = "secondary", "Secondary prevention"
        TERTIARY = "tertiary", "Tertiary prevention"

    class Framework(models.TextChoices):
        PARTNERSHIP_MATRIX = "partnership_matrix", "Partnership Matrix"
        THINK_COMMUNITIES = "think_communities", "Think Communities"
        COMMUNITY_SAFETY_AGREEMENT = (
            "community_safety_agreement",
            "Countywide Community Safety Agreement",
        )

    name = models.CharField(max_length=200)
    framework = models.CharField(max_length=30, choices=Framework.choices)
    tier = models.CharField("prevention tier", max_length=10, choices=Tier.choices, blank=True)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.PROTECT, related_name="work_streams"
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "name"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "name"], name="unique_work_stream")
        ]

    def __str__(self):
        return self.name
