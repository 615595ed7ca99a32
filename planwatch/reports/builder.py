"""The content of a theme report, built once from the data and rendered by any renderer.

``ThemeReportBuilder(report).build()`` returns a plain, JSON-serialisable dict: finalising a
report stores it as the report's snapshot, and every renderer (HTML, PDF, Word) works from it
alone, so a final report reproduces exactly whatever changes in the data later.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings

from planwatch.accountability.selectors import panel_questions_for
from planwatch.core.markdown import render_markdown
from planwatch.plan.selectors import (
    actions_open,
    objectives_with_priorities,
    theme_list,
    updates_for_period,
)

from . import wording
from .intelligence import bi_blocks, stop_search_block, stop_search_empty_text
from .periods import date_label, ordinal_date_label

SCHEMA_VERSION = 2

Block = dict[str, Any]


def text_block(markdown: str, **extra) -> Block:
    """A numbered paragraph: its Markdown source and the sanitised HTML made from it."""
    return {"type": "paragraph", "markdown": markdown, "html": render_markdown(markdown), **extra}


def text_blocks(text: str) -> list[Block]:
    return [text_block(paragraph) for paragraph in wording.split_paragraphs(text)]


class ThemeReportBuilder:
    """Builds the report on one theme to one meeting for the report's period.

    The sections follow the OPCC's reports: Purpose, Recommendations, Background, one section
    per objective (each priority for action a numbered sub-heading with its updates, the
    Business Intelligence Information of its indicators and the Panel's questions), Stop and
    search when the draft asks for it, Panel questions not tied to a priority, and Next steps.
    Numbers (1, 1.1, 4.1.1) are given by position once the content is assembled.
    """

    default_author = "Chief Executive"

    def __init__(self, report):
        self.report = report
        self.theme = report.theme
        self.meeting = report.meeting
        self.plan = self.theme.plan

    # The whole document

    def build(self) -> dict[str, Any]:
        report, meeting, theme = self.report, self.meeting, self.theme
        self.objectives = list(objectives_with_priorities(theme=theme))
        self.priority_count = sum(len(o.priorities.all()) for o in self.objectives)
        self.updates = self._by_priority(
            updates_for_period(theme=theme, start=report.period_start, end=report.period_end)
        )
        self.questions = self._questions()
        sections = [
            self.purpose_section(),
            self.recommendations_section(),
            self.background_section(),
            *[self.objective_section(objective) for objective in self.objectives],
        ]
        if report.include_stop_search:
            sections.append(self.stop_search_section())
        if meeting.is_panel and self.questions.get(None):
            sections.append(self.general_questions_section())
        sections.append(self.next_steps_section())
        return {
            "schema": SCHEMA_VERSION,
            "title": f"Police and Crime Plan – {theme.name} theme",
            "to": meeting.get_body_display(),
            "from": report.author.strip() or self.default_author,
            "date": meeting.date.isoformat(),
            "date_label": date_label(meeting.date),
            "draft": not report.is_final,
            "office": settings.PLANWATCH_OFFICE_NAME,
            "plan": {"name": self.plan.name, "slug": self.plan.slug},
            "theme": {"name": theme.name, "slug": theme.slug},
            "meeting": {
                "slug": meeting.slug,
                "body": meeting.body,
                "name": meeting.get_body_display(),
                "short_name": wording.body_short_name(meeting.body),
            },
            "period": {
                "start": report.period_start.isoformat(),
                "end": report.period_end.isoformat(),
                "label": (f"{date_label(report.period_start)} to {date_label(report.period_end)}"),
            },
            "filename_stem": f"{theme.slug}-{meeting.slug}",
            "sections": number_sections(sections),
        }

    # Sections

    def purpose_section(self) -> Block:
        text = self.report.purpose.strip() or wording.default_purpose(
            body=self.meeting.body,
            body_name=self.meeting.get_body_display(),
            theme_name=self.theme.name,
        )
        return section("Purpose", "purpose", text_blocks(text))

    def recommendations_section(self) -> Block:
        text = self.report.recommendations.strip() or wording.default_recommendations(
            body=self.meeting.body
        )
        return section("Recommendations", "recommendations", text_blocks(text))

    def background_section(self) -> Block:
        themes = [t.name for t in theme_list(plan=self.plan)]
        blocks = [
            text_block(
                wording.plan_structure_paragraph(
                    statutory_basis=self.plan.statutory_basis,
                    effective_from=ordinal_date_label(self.plan.start_date),
                    theme_names=themes,
                )
            ),
            text_block(
                wording.theme_paragraph(
                    theme_name=self.theme.name,
                    shared_outcome=self.theme.shared_outcome,
                    aim=self.theme.aim,
                    priority_count=self.priority_count,
                )
            ),
            *text_blocks(self.report.background_note),
        ]
        return section("Background", "background", blocks)

    def objective_section(self, objective) -> Block:
        introduction = (self.report.introductions or {}).get(str(objective.pk), "")
        blocks = text_blocks(introduction)
        priorities = list(objective.priorities.all())
        for priority in priorities:
            blocks.append(self.priority_block(priority))
        if not priorities:
            blocks.append(text_block(wording.NO_PRIORITIES))
        heading = f"Objective: {objective.title}"
        return section(heading, "objective", blocks, objective={"title": objective.title})

    def priority_block(self, priority) -> Block:
        blocks = [
            text_block(
                update.narrative,
                update={
                    "id": update.pk,
                    "date": update.date.isoformat(),
                    "title": update.title,
                    "status": update.get_status_display(),
                },
            )
            for update in self.updates.get(priority.pk, [])
        ]
        if not blocks:
            blocks.append(text_block(wording.NO_UPDATES))
        blocks += bi_blocks(priority=priority, period_end=self.report.period_end)
        if self.meeting.is_panel:
            blocks += [question_block(q) for q in self.questions.get(priority.pk, [])]
        return {
            "type": "priority",
            "heading": f"Priority for Action: {priority.title}",
            "title": priority.title,
            "blocks": blocks,
        }

    def stop_search_section(self) -> Block:
        """The Independent Scrutiny Group's table of searches by officer-defined ethnicity for
        the months of the period, when the officer has asked for it on the draft."""
        start, end = self.report.period_start, self.report.period_end
        block = stop_search_block(start=start, end=end)
        if block is None:
            block = text_block(stop_search_empty_text(start=start, end=end))
        return section(wording.STOP_SEARCH_HEADING, "stop_search", [block])

    def general_questions_section(self) -> Block:
        blocks = [question_block(q) for q in self.questions[None]]
        return section("Panel questions and responses", "questions", blocks)

    def next_steps_section(self) -> Block:
        blocks = text_blocks(self.report.next_steps_note)
        actions = list(actions_open(theme=self.theme))
        if actions:
            blocks.append(
                {
                    "type": "actions",
                    "intro": f"The actions open on the {self.theme.name} theme are:",
                    "items": [action_item(a) for a in actions],
                }
            )
        else:
            blocks.append(text_block(wording.NO_OPEN_ACTIONS))
        return section("Next steps", "next_steps", blocks)

    # Data

    @staticmethod
    def _by_priority(updates) -> dict[int, list]:
        grouped: dict[int, list] = defaultdict(list)
        for update in updates:
            grouped[update.priority_id].append(update)
        return grouped

    def _questions(self) -> dict[int | None, list]:
        if not self.meeting.is_panel:
            return {}
        theme_priorities = {p.pk for o in self.objectives for p in o.priorities.all()}
        grouped: dict[int | None, list] = defaultdict(list)
        for question in panel_questions_for(meeting=self.meeting, theme=self.theme):
            key = question.priority_id if question.priority_id in theme_priorities else None
            grouped[key].append(question)
        return grouped


def section(heading: str, kind: str, blocks: list[Block], **extra) -> Block:
    return {"heading": heading, "kind": kind, "blocks": blocks, **extra}


def question_block(question) -> Block:
    response = question.response.strip()
    return {
        "type": "question",
        "question": question.question.strip(),
        "asked_by": question.asked_by,
        "answered": bool(response),
        "response_markdown": response or wording.NO_RESPONSE,
        "response_html": render_markdown(response or wording.NO_RESPONSE),
    }


def action_item(action) -> dict[str, Any]:
    return {
        "description": action.description,
        "owner": str(action.owner),
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "due_label": date_label(action.due_date) if action.due_date else "No due date",
        "status": action.status,
        "status_label": action.get_status_display(),
        "priority": action.priority.title,
    }


def number_sections(sections: list[Block]) -> list[Block]:
    """Number sections 1, 2, 3...; their paragraphs and priorities n.1, n.2...; a priority's
    paragraphs n.m.1, n.m.2... Numbers are computed here and nowhere else."""
    for n, sec in enumerate(sections, start=1):
        sec["number"] = str(n)
        sec["anchor"] = f"report-section-{n}"
        for m, block in enumerate(sec["blocks"], start=1):
            block["number"] = f"{n}.{m}"
            for k, inner in enumerate(block.get("blocks", []), start=1):
                inner["number"] = f"{n}.{m}.{k}"
    return sections
