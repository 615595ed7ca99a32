"""Writing performance data: imports of indicators and figures, and acknowledgements of flags."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.core import audit

from .imports import (
    ImportPreview,
    ImportRejected,
    ImportResult,
    RowError,
    figures_import_preview,
    indicators_import_preview,
)
from .imports.figures import COMPARED as FIGURE_FIELDS
from .imports.indicators import FIELDS as INDICATOR_FIELDS
from .models import FlagAcknowledgement, Indicator, Observation

# --- Imports --------------------------------------------------------------------------------


def indicators_import(*, file_name: str, data: bytes, user, actor_label: str = "") -> ImportResult:
    """Import a file of indicator definitions, all or nothing. A new code creates an indicator;
    an existing code updates the fields that differ; identical rows are left alone (and not
    logged). Raises ImportRejected, having changed nothing, when the file has any error."""
    with transaction.atomic():
        preview = indicators_import_preview(file_name=file_name, data=data, lock=True)
        _apply(preview, Indicator, INDICATOR_FIELDS, user=user, actor_label=actor_label)
    return _result(preview)


# Checked for every row before writing (in bulk): the indicator and area were read in this
# transaction, the months come from a parsed period (first <= last), and the file's figures
# were matched against the stored ones; the database still enforces every constraint.
FIGURE_CHECKED = ("indicator", "area", "period_first", "period_last", "created_by", "updated_by")


def figures_import(*, file_name: str, data: bytes, user, actor_label: str = "") -> ImportResult:
    """Import a file of figures, all or nothing. A row matching a stored figure (same
    indicator, area, months and breakdown) updates it where it differs; other rows create
    figures; identical rows are left alone (and not logged). Raises ImportRejected, having
    changed nothing, when the file has any error."""
    with transaction.atomic():
        preview = figures_import_preview(file_name=file_name, data=data, lock=True)
        _apply(
            preview,
            Observation,
            FIGURE_FIELDS,
            user=user,
            actor_label=actor_label,
            checked=FIGURE_CHECKED,
        )
    return _result(preview)


def _apply(preview: ImportPreview, model, fields, *, user, actor_label: str, checked=()) -> None:
    if preview.errors:
        raise ImportRejected(preview.errors)
    errors: list[RowError] = []
    for row in preview.to_write:
        try:
            if row.existing is None:
                obj = model(**row.values)
                audit.save_created(obj, user=user, actor_label=actor_label, checked=checked)
            else:
                obj = row.existing
                before = audit.snapshot(obj)
                for name in fields:
                    setattr(obj, name, row.values[name])
                audit.save_changed(
                    obj, user=user, before=before, actor_label=actor_label, checked=checked
                )
        except ValidationError as exc:
            for column, messages in getattr(exc, "message_dict", {"": exc.messages}).items():
                for message in messages:
                    place = column if column != "__all__" else ""
                    errors.append(RowError(preview.file_name, message, row.row, place))
        except IntegrityError as exc:
            # Someone else saved the same figure while this file was being imported.
            raise ImportRejected(
                [
                    *errors,
                    RowError(
                        preview.file_name,
                        "this row was saved by someone else while the file was being "
                        "imported. Nothing was imported: import the file again.",
                        row.row,
                    ),
                ]
            ) from exc
    if errors:
        raise ImportRejected(errors)  # rolls back the rows already written


def _result(preview: ImportPreview) -> ImportResult:
    return ImportResult(
        kind=preview.kind,
        file_name=preview.file_name,
        new=preview.new,
        changed=preview.changed,
        unchanged=preview.unchanged,
    )


# --- Flags ----------------------------------------------------------------------------------


class FlagNotFound(Exception):
    """The figure no longer disagrees with the data (or never did)."""


def flag_acknowledge(
    *, observation: Observation, kind: str, reason: str, user, dimension: str = ""
) -> FlagAcknowledgement:
    """Record an officer's reason for accepting a printed figure that disagrees with the data.

    The flag is the observation's flag of ``kind``; for a total, the one about its parts in
    ``dimension`` (a total broken down two ways may disagree with each). The acknowledgement
    holds which flag it is and what was printed and computed at the time (its fingerprint): if
    either changes, the flag is raised again and needs a new acknowledgement."""
    from .selectors import flag_get

    reason = (reason or "").strip()
    if not reason:
        raise ValueError("Give a reason for accepting this figure.")
    with transaction.atomic():
        view = flag_get(observation=observation, kind=kind, dimension=dimension)
        if view is None:
            which = f"{kind} ({dimension})" if dimension else kind
            raise FlagNotFound(f"{observation}: there is no {which} flag to acknowledge.")
        if view.acknowledgement is not None:
            return view.acknowledgement
        ack = FlagAcknowledgement(
            observation=observation,
            kind=kind,
            fingerprint=view.flag.fingerprint,
            reason=reason,
            acknowledged_by=user,
            acknowledged_at=timezone.now(),
        )
        return audit.save_created(ack, user=user)
