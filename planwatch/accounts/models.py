from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from .roles import Role


class User(AbstractUser):
    """A person who signs in. Each has one role; a partner is bound to one organisation."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text="Required for partner users: the organisation whose work they report.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.PARTNER) | models.Q(organisation__isnull=False),
                name="partner_user_has_organisation",
            )
        ]

    def clean(self):
        super().clean()
        if self.role == Role.PARTNER and not self.organisation_id:
            raise ValidationError(
                {"organisation": "Choose the organisation this partner works for"}
            )

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def is_administrator(self) -> bool:
        return self.is_active and (self.role == Role.ADMINISTRATOR or self.is_superuser)

    @property
    def is_officer(self) -> bool:
        """Officers and administrators: the OPCC's own staff."""
        return self.is_active and (self.role == Role.OFFICER or self.is_administrator)

    @property
    def is_partner(self) -> bool:
        return self.is_active and self.role == Role.PARTNER and not self.is_superuser

    @property
    def is_member(self) -> bool:
        return self.is_active and self.role == Role.MEMBER and not self.is_superuser

    def has_perm(self, perm, obj=None):
        """Administrators hold every model permission (the admin site is theirs)."""
        if self.is_active and self.role == Role.ADMINISTRATOR:
            return True
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        if self.is_active and self.role == Role.ADMINISTRATOR:
            return True
        return super().has_module_perms(app_label)
