"""Flags: printed figures that disagree with the data, with any acknowledgement given."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from planwatch.places.models import Area

from ..models import FlagAcknowledgement, Indicator, Observation
from ..periods import parse_period
from ..validation import Finding, Flag, Record, check_records, unchecked_changes
from .figures import period_of


@dataclass
class FlagView:
    """A finding on a stored observation, with its acknowledgement if an officer gave one."""

    observation: Observation
    flag: Flag
    acknowledgement: FlagAcknowledgement | None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledgement is not None

    @property
    def kind(self) -> str:
        return self.flag.kind

    @property
    def dimension(self) -> str:
        """For a total, the dimension of the parts it disagrees with; otherwise ""."""
        return self.flag.dimension

    @property
    def slug(self) -> str:
        """The flag among its observation's flags, as its acknowledge address carries it:
        ``"change"``, ``"total-channel"``."""
        return self.flag.slug

    @property
    def key(self) -> str:
        """Unique among all flags: ``"12-change"``, ``"12-total-channel"``."""
        return f"{self.observation.pk}-{self.flag.slug}"


def observation_record(observation: Observation) -> Record:
    indicator = observation.indicator
    area = observation.area
    return Record(
        indicator=indicator.code,
        indicator_name=indicator.name,
        unit=indicator.unit,
        area=area.gss_code,
        area_name="" if area.area_type == Area.AreaType.FORCE else area.name,
        period=period_of(observation),
        breakdown=observation.breakdown,
        value=observation.value,
        numerator=observation.numerator,
        denominator=observation.denominator,
        stated_value=observation.stated_value,
        stated_change=observation.stated_change,
        change_basis=parse_period(observation.change_basis) if observation.change_basis else None,
        ref=observation,
    )


def _printed_indicator_ids() -> QuerySet:
    """Indicators with any figure printed in a source document (the only ones to check)."""
    return (
        Observation.objects.exclude(stated_value="", stated_change="")
        .values_list("indicator_id", flat=True)
        .distinct()
    )


def _findings(observations: Iterable[Observation]) -> list[Finding]:
    observations = list(observations)
    records = [observation_record(o) for o in observations]
    decimals = {o.indicator.code: o.indicator.decimals for o in observations}
    return check_records(records, decimals=decimals)


def _views(findings: list[Finding]) -> list[FlagView]:
    obs_ids = {f.record.ref.pk for f in findings}
    acks: dict[tuple, FlagAcknowledgement] = {}
    for ack in FlagAcknowledgement.objects.filter(observation_id__in=obs_ids).select_related(
        "acknowledged_by"
    ):
        acks.setdefault((ack.observation_id, ack.kind, ack.fingerprint), ack)
    return [
        FlagView(
            observation=f.record.ref,
            flag=f.flag,
            acknowledgement=acks.get((f.record.ref.pk, f.flag.kind, f.flag.fingerprint)),
        )
        for f in findings
    ]


def flags_all() -> list[FlagView]:
    """Every printed figure that disagrees with the data, across all indicators."""
    observations = Observation.objects.filter(
        indicator_id__in=_printed_indicator_ids()
    ).select_related("indicator", "area")
    return _views(_findings(observations))


def flags_for_indicator(*, indicator: Indicator) -> list[FlagView]:
    observations = indicator.observations.select_related("indicator", "area")
    return _views(_findings(observations))


def flags_for_observations(*, observation_ids: Iterable[int]) -> list[FlagView]:
    """Flags on these observations (checked against everything recorded for their indicators)."""
    observation_ids = set(observation_ids)
    if not observation_ids:
        return []
    indicator_ids = (
        Observation.objects.filter(pk__in=observation_ids)
        .values_list("indicator_id", flat=True)
        .distinct()
    )
    observations = Observation.objects.filter(indicator_id__in=indicator_ids).select_related(
        "indicator", "area"
    )
    return [v for v in _views(_findings(observations)) if v.observation.pk in observation_ids]


def flags_unchecked() -> list[Observation]:
    """Observations with a printed change whose basis is not recorded."""
    observations = Observation.objects.exclude(stated_change="").select_related("indicator", "area")
    return [
        r.ref
        for r in unchecked_changes(
            observation_record(o)
            for o in Observation.objects.filter(
                indicator_id__in=observations.values("indicator_id")
            ).select_related("indicator", "area")
        )
    ]


def flag_get(*, observation: Observation, kind: str, dimension: str = "") -> FlagView | None:
    """The observation's flag of ``kind`` (for a total, the one about the parts in
    ``dimension``), or None when the figure no longer disagrees."""
    for view in flags_for_observations(observation_ids=[observation.pk]):
        if view.kind == kind and view.dimension == dimension:
            return view
    return None


def flags_by_observation(views: Iterable[FlagView]) -> dict[int, list[FlagView]]:
    grouped: dict[int, list[FlagView]] = defaultdict(list)
    for view in views:
        grouped[view.observation.pk].append(view)
    return grouped
