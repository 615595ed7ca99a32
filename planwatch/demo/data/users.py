"""The demo sign-ins, one per role, sharing one published password. The partner works for
Age UK Cambridgeshire and Peterborough, a member of the CAPASP Board."""

DEMO_PASSWORD = "planwatch-demo"  # noqa: S105 - printed by the demo command for local use

# (username, role, first name, last name, organisation key)
USERS = [
    ("admin", "administrator", "Alex", "Administrator", None),
    ("officer", "officer", "Olivia", "Officer", None),
    ("member", "member", "Morgan", "Member", None),
    ("partner", "partner", "Parveen", "Partner", "age-uk"),
]
