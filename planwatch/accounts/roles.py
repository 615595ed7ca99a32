"""The roles of PlanWatch, defined in code and synced to groups by ``planwatch sync_roles``.

The public is not a role: it is anyone not signed in.
"""

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    OFFICER = "officer", "OPCC officer"
    PARTNER = "partner", "Partner"
    MEMBER = "member", "Board or Panel member"


ROLE_DESCRIPTIONS = {
    Role.ADMINISTRATOR: "Manages users, roles and reference data; can do everything an officer can.",
    Role.OFFICER: "Records delivery, manages partnerships and meetings, drafts and finalises reports.",
    Role.PARTNER: "Sees and reports on its own organisation's delivery, and nothing else.",
    Role.MEMBER: "Reads the Plan, meetings and every finalised report; changes nothing.",
}

# Django model permissions each role's group holds (used by the admin site only;
# pages are guarded by the rules in permissions.py).
ROLE_MODEL_PERMISSIONS = {
    Role.ADMINISTRATOR: "__all__",
    Role.OFFICER: [],
    Role.PARTNER: [],
    Role.MEMBER: [],
}
