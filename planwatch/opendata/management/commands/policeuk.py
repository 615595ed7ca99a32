"""planwatch policeuk counts|stop-search — read imported police.uk data.

planwatch policeuk counts --crime-type Burglary --district Cambridge --from 2024-01 --to 2024-12 --json
planwatch policeuk counts --crime-type Burglary --neighbourhood Arbury --from 2024-01 --to 2024-12 --json
planwatch policeuk stop-search --from 2024-01 --to 2024-12 --by officer_defined_ethnicity --json
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from planwatch.opendata import neighbourhoods, selectors


def _refuse(message: str) -> CommandError:
    return CommandError(message, returncode=2)


def _month(text: str, option: str) -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise _refuse(f"{option} {text!r}: write a month as YYYY-MM, e.g. 2024-01.") from None


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class Command(BaseCommand):
    help = "Monthly street-crime counts and stop-and-search rates from imported police.uk data."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="counts|stop-search")

        counts = sub.add_parser("counts", help="Street crimes of one type per month.")
        counts.add_argument("--crime-type", required=True, help='e.g. "Burglary".')
        place = counts.add_mutually_exclusive_group()
        place.add_argument(
            "--district", help="A district's name (Cambridge) or GSS code (E07000008)."
        )
        place.add_argument(
            "--neighbourhood", help="A neighbourhood's name (Arbury) or slug (arbury)."
        )
        self._range(counts)

        stop = sub.add_parser(
            "stop-search",
            help="Searches, linked-outcome rate and no-further-action rate per group.",
        )
        stop.add_argument("--by", required=True, choices=selectors.STOP_SEARCH_GROUPS)
        self._range(stop)

    @staticmethod
    def _range(parser):
        parser.add_argument("--from", dest="first", required=True, help="First month: 2024-01.")
        parser.add_argument("--to", dest="last", required=True, help="Last month: 2024-12.")
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, action, first, last, **options):
        first, last = _month(first, "--from"), _month(last, "--to")
        if last < first:
            raise _refuse("--to is before --from.")
        try:
            if action == "counts":
                return self.handle_counts(first=first, last=last, **options)
            return self.handle_stop_search(first=first, last=last, **options)
        except selectors.QueryError as exc:
            raise _refuse(str(exc)) from None

    def handle_counts(
        self, *, first, last, crime_type, district, neighbourhood, json: bool, **options
    ):
        if neighbourhood:
            rows = neighbourhoods.neighbourhood_monthly_counts(
                crime_type=crime_type, first=first, last=last, neighbourhood=neighbourhood
            )
        else:
            rows = selectors.street_crime_monthly_counts(
                crime_type=crime_type, first=first, last=last, district=district
            )
        if json:
            self._json(rows)
            return
        for row in rows:
            self.stdout.write(f"{row['month']}  {row['count']:>8,}")

    def handle_stop_search(self, *, first, last, by, json: bool, **options):
        groups = selectors.stop_search_by_group(first=first, last=last, by=by)
        rows = [
            {
                "group": g.group,
                "searches": g.searches,
                "linked_outcome_rate": _rate(g.linked_outcome_rate),
                "nfa_rate": _rate(g.nfa_rate),
            }
            for g in groups
        ]
        if json:
            self._json(rows)
            return
        self.stdout.write(f"{'Group':<60}{'Searches':>10}{'Linked':>9}{'NFA':>9}")
        for row in rows:
            linked, nfa = row["linked_outcome_rate"], row["nfa_rate"]
            self.stdout.write(
                f"{row['group'][:59]:<60}{row['searches']:>10,}"
                f"{'' if linked is None else f'{linked:.1%}':>9}"
                f"{'' if nfa is None else f'{nfa:.1%}':>9}"
            )

    def _json(self, data):
        self.stdout.write(json.dumps(data, ensure_ascii=False))
