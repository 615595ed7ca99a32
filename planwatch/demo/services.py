"""Loading the demo dataset (``planwatch.demo.data``) into the database.

Safe to run any number of times: every row is looked up by its natural key and created only
when missing, through the activity log, as the "Demo dataset". Rows that exist are left as
they are, so a second run changes nothing and records nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone

from planwatch.accountability.models import AgendaItem, Meeting, PanelQuestion, Recommendation
from planwatch.accounts.models import User
from planwatch.accounts.roles import Role
from planwatch.accounts.services import roles_sync, user_create
from planwatch.core import audit
from planwatch.partners.models import Membership, Organisation, Partnership, WorkStream
from planwatch.performance import services as performance_services
from planwatch.performance.models import Indicator
from planwatch.places.models import Area
from planwatch.plan.models import Action, DeliveryUpdate, Objective, Plan, Priority, Theme

from .data import (
    actions,
    meetings,
    organisations,
    partnerships,
    places,
    plan,
    updates_2018_11,
    updates_2019_07,
    updates_2019_11_objective_1,
    updates_2019_11_objectives_2_3,
    updates_2020,
    users,
)
from .data import figures as demo_figures

ACTOR_LABEL = "Demo dataset"
DEMO_PASSWORD = users.DEMO_PASSWORD

UPDATES = [
    *updates_2018_11.UPDATES,
    *updates_2019_07.UPDATES,
    *updates_2019_11_objective_1.UPDATES,
    *updates_2019_11_objectives_2_3.UPDATES,
    *updates_2020.UPDATES,
]

# What demo_load counts, in the order it loads them.
LABELS = [
    "areas",
    "organisations",
    "partnerships",
    "memberships",
    "work streams",
    "plans",
    "themes",
    "objectives",
    "priorities",
    "meetings",
    "agenda items",
    "recommendations",
    "Panel questions",
    "delivery updates",
    "actions",
    "indicators",
    "figures",
    "indicator links",
    "users",
]


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


class _Loader:
    def __init__(self):
        self.counts = dict.fromkeys(LABELS, 0)
        self.areas: dict[str, Area] = {}
        self.organisations: dict[str, Organisation] = {}
        self.partnerships: dict[str, Partnership] = {}
        self.work_streams: dict[str, WorkStream] = {}
        self.themes: dict[str, Theme] = {}
        self.priorities: dict[str, Priority] = {}
        self.meetings: dict[str, Meeting] = {}

    def ensure(self, label: str, existing: Model | None, new: Model, m2m=None) -> Model:
        """``existing`` if there is one; otherwise save and record ``new``."""
        if existing is not None:
            return existing
        audit.save_created(new, user=None, actor_label=ACTOR_LABEL, m2m=m2m)
        self.counts[label] += 1
        return new

    def load_places(self):
        for row in places.AREAS:
            self.areas[row["key"]] = self.ensure(
                "areas",
                Area.objects.filter(gss_code=row["gss_code"]).first(),
                Area(
                    name=row["name"],
                    gss_code=row["gss_code"],
                    area_type=row["area_type"],
                    parent=self.areas.get(row["parent"]),
                ),
            )

    def load_partners(self):
        for key, name, short_name, organisation_type, area in organisations.ORGANISATIONS:
            self.organisations[key] = self.ensure(
                "organisations",
                Organisation.objects.filter(name=name).first(),
                Organisation(
                    name=name,
                    short_name=short_name,
                    organisation_type=organisation_type,
                    area=self.areas.get(area),
                ),
            )
        for row in partnerships.PARTNERSHIPS:
            established = row.get("established")
            self.partnerships[row["slug"]] = self.ensure(
                "partnerships",
                Partnership.objects.filter(Q(slug=row["slug"]) | Q(name=row["name"])).first(),
                Partnership(
                    name=row["name"],
                    short_name=row.get("short_name", ""),
                    slug=row["slug"],
                    partnership_type=row["partnership_type"],
                    area=self.areas.get(row.get("area")),
                    parent=self.partnerships.get(row.get("parent")),
                    description=row.get("description", ""),
                    established=_date(established) if established else None,
                ),
            )
        for slug, members in partnerships.MEMBERSHIPS.items():
            partnership = self.partnerships[slug]
            for key, role, note in members:
                organisation = self.organisations[key]
                self.ensure(
                    "memberships",
                    Membership.objects.filter(
                        partnership=partnership, organisation=organisation
                    ).first(),
                    Membership(
                        partnership=partnership, organisation=organisation, role=role, note=note
                    ),
                )
        for name, framework, tier, slug, description in partnerships.WORK_STREAMS:
            self.work_streams[name] = self.ensure(
                "work streams",
                WorkStream.objects.filter(framework=framework, name=name).first(),
                WorkStream(
                    name=name,
                    framework=framework,
                    tier=tier,
                    partnership=self.partnerships[slug],
                    description=description,
                ),
            )

    def load_plan(self):
        the_plan = self.ensure(
            "plans",
            Plan.objects.filter(slug=plan.PLAN["slug"]).first(),
            Plan(
                name=plan.PLAN["name"],
                slug=plan.PLAN["slug"],
                start_date=_date(plan.PLAN["start_date"]),
                end_date=_date(plan.PLAN["end_date"]),
            ),
        )
        for row in plan.THEMES:
            self.themes[row["slug"]] = self.ensure(
                "themes",
                Theme.objects.filter(plan=the_plan, slug=row["slug"]).first(),
                Theme(
                    plan=the_plan,
                    number=row["number"],
                    name=row["name"],
                    slug=row["slug"],
                    aim=row.get("aim", ""),
                    shared_outcome=row.get("shared_outcome", ""),
                    summary=row.get("summary", ""),
                ),
            )
        objectives = {}
        for theme_slug, number, title in plan.OBJECTIVES:
            theme = self.themes[theme_slug]
            objectives[theme_slug, number] = self.ensure(
                "objectives",
                Objective.objects.filter(theme=theme, number=number).first(),
                Objective(theme=theme, number=number, title=title),
            )
        for key, (theme_slug, objective_number, number, title) in plan.PRIORITIES.items():
            objective = objectives[theme_slug, objective_number]
            self.priorities[key] = self.ensure(
                "priorities",
                Priority.objects.filter(objective=objective, number=number).first(),
                Priority(objective=objective, number=number, title=title),
            )

    def load_meetings(self):
        for slug, row in meetings.MEETINGS.items():
            self.meetings[slug] = self.ensure(
                "meetings",
                Meeting.objects.filter(slug=slug).first(),
                Meeting(body=row["body"], date=_date(row["date"])),
            )
        for row in meetings.AGENDA_ITEMS:
            meeting = self.meetings[row["meeting"]]
            item = self.ensure(
                "agenda items",
                AgendaItem.objects.filter(meeting=meeting, number=row["number"]).first(),
                AgendaItem(
                    meeting=meeting,
                    number=row["number"],
                    title=row["title"],
                    theme=self.themes[row["theme"]],
                    presenter=row["presenter"],
                ),
            )
            for number, text, status in row["recommendations"]:
                self.ensure(
                    "recommendations",
                    Recommendation.objects.filter(agenda_item=item, number=number).first(),
                    Recommendation(agenda_item=item, number=number, text=text, status=status),
                )
        for row in meetings.PANEL_QUESTIONS:
            meeting = self.meetings[row["meeting"]]
            self.ensure(
                "Panel questions",
                PanelQuestion.objects.filter(meeting=meeting, question=row["question"]).first(),
                PanelQuestion(
                    meeting=meeting,
                    theme=self.themes[row["theme"]],
                    priority=self.priorities[row["priority"]],
                    question=row["question"],
                    response=row["response"],
                    responded_on=meeting.date,
                    status=PanelQuestion.Status.ANSWERED,
                ),
            )

    def load_delivery(self):
        for row in UPDATES:
            priority = self.priorities[row["priority"]]
            date = self.meetings[row["meeting"]].date
            noon = dt.datetime.combine(date, dt.time(12))
            self.ensure(
                "delivery updates",
                DeliveryUpdate.objects.filter(
                    priority=priority, date=date, title=row["title"]
                ).first(),
                DeliveryUpdate(
                    priority=priority,
                    date=date,
                    title=row["title"],
                    narrative=row["narrative"],
                    status=row.get("status", "on_track"),
                    state=DeliveryUpdate.State.APPROVED,
                    approved_at=timezone.make_aware(noon),
                    source=row["source"],
                ),
                m2m={
                    "areas": [self.areas[key] for key in row.get("areas", [])],
                    "organisations": [self.organisations[k] for k in row.get("organisations", [])],
                    "partnerships": [self.partnerships[k] for k in row.get("partnerships", [])],
                    "work_streams": [self.work_streams[n] for n in row.get("work_streams", [])],
                },
            )
        for row in actions.ACTIONS:
            priority = self.priorities[row["priority"]]
            self.ensure(
                "actions",
                Action.objects.filter(priority=priority, description=row["description"]).first(),
                Action(
                    priority=priority,
                    description=row["description"],
                    owner=self.organisations[row["owner"]],
                    status=row.get("status", Action.Status.OPEN),
                ),
            )

    def load_figures(self):
        """The seeds' business intelligence figures, through the same import as any file."""
        for label, path, importer in [
            ("indicators", demo_figures.INDICATORS_FILE, performance_services.indicators_import),
            ("figures", demo_figures.FIGURES_FILE, performance_services.figures_import),
        ]:
            result = importer(
                file_name=path.name, data=path.read_bytes(), user=None, actor_label=ACTOR_LABEL
            )
            self.counts[label] += result.new + result.changed
        indicators = Indicator.objects.in_bulk(list(demo_figures.PRIORITY_LINKS), field_name="code")
        for code, layout in demo_figures.TABLE_LAYOUTS.items():
            indicator = indicators[code]
            if indicator.table_layout != layout:
                before = audit.snapshot(indicator)
                indicator.table_layout = layout
                audit.save_changed(indicator, user=None, before=before, actor_label=ACTOR_LABEL)
        for code, keys in demo_figures.PRIORITY_LINKS.items():
            indicator = indicators[code]
            linked = set(indicator.priorities.values_list("pk", flat=True))
            wanted = [self.priorities[key] for key in keys]
            missing = [p for p in wanted if p.pk not in linked]
            if missing:
                before = audit.snapshot(indicator)
                audit.save_changed(
                    indicator,
                    user=None,
                    before=before,
                    m2m={"priorities": [*indicator.priorities.all(), *missing]},
                    actor_label=ACTOR_LABEL,
                )
                self.counts["indicator links"] += len(missing)

    def load_users(self):
        roles_sync()
        for username, role, first_name, last_name, organisation in users.USERS:
            if User.objects.filter(username=username).exists():
                continue
            user_create(
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                first_name=first_name,
                last_name=last_name,
                organisation=self.organisations.get(organisation),
                actor_label="Demo dataset",
            )
            self.counts["users"] += 1


@transaction.atomic
def demo_load(*, stdout: TextIO | None = None) -> dict[str, int]:
    """Load whatever of the demo dataset is missing, and the demo users. Returns how many rows
    of each kind were created (all zero when everything was there already)."""
    loader = _Loader()
    loader.load_places()
    loader.load_partners()
    loader.load_plan()
    loader.load_meetings()
    loader.load_delivery()
    loader.load_figures()
    loader.load_users()
    if stdout is not None:
        created = {label: n for label, n in loader.counts.items() if n}
        if created:
            stdout.write("Loaded the demo dataset:\n")
            for label, n in created.items():
                stdout.write(f"  {label[:1].upper()}{label[1:]}: {n}\n")
        else:
            stdout.write("Demo data already loaded: nothing changed.\n")
    return loader.counts


def demo_logins() -> list[tuple[str, str]]:
    """The demo usernames and what each signs in as."""
    logins = []
    for username, role, _first, _last, organisation in users.USERS:
        label = Role(role).label
        if organisation:
            name = next(row[1] for row in organisations.ORGANISATIONS if row[0] == organisation)
            label = f"{label} ({name})"
        logins.append((username, label))
    return logins
