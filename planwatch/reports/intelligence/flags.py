"""The flags on a Business Intelligence table's figures, each numbered as a note."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from planwatch.performance.selectors import FlagView, flags_for_observations


class FlagNotes:
    """The flags on the figures shown, and the list of those the table's cells refer to."""

    def _read_flags(self) -> None:
        ids = {o.pk for f in self.figures.values() if f for o in f.observations}
        self.flags: dict[int, list[FlagView]] = defaultdict(list)
        for view in flags_for_observations(observation_ids=ids):
            self.flags[view.observation.pk].append(view)
        for views in self.flags.values():
            views.sort(key=lambda v: v.slug)

    def _flag_items(self) -> list[dict[str, Any]]:
        """Each note's flags. A note is keyed (observation, kind) or (observation, slug): a
        total broken down two ways has a flag for each ("total-channel", "total-sex"), and a
        note keyed by kind alone lists them all."""
        items = []
        for (pk, which), note in sorted(self.notes.items(), key=lambda item: item[1]):
            for view in self.flags.get(pk, []):
                if which not in (view.kind, view.slug):
                    continue
                items.append(
                    {
                        "observation": view.observation.pk,
                        "kind": view.kind,
                        "slug": view.slug,
                        "subject": view.flag.subject,
                        "message": view.flag.message,
                        "acknowledged": view.acknowledged,
                        "reason": view.acknowledgement.reason if view.acknowledgement else "",
                        "note": note,
                    }
                )
        return items
