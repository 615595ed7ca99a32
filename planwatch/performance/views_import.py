"""Importing indicator definitions and figures: upload → check what will change → apply.

Between the check and the apply the uploaded file is kept in the user's session (base64, at
most 5 MB), with its SHA-256 digest: "Apply these changes" applies exactly the file that was
checked, and checks it again inside the transaction.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from planwatch.accounts import permissions
from planwatch.accounts.views_mixins import rule_required

from . import services
from .forms_import import KIND_CHOICES, ImportUploadForm
from .imports import (
    XLSX_CONTENT_TYPE,
    ImportPreview,
    ImportRejected,
    import_preview,
    template_csv,
    template_xlsx,
)

SESSION_KEY = "performance_import"
SHOWN_ROWS = 500  # rows of "what will change" listed on the page; all are applied
SHOWN_ERRORS = 200
KIND_LABELS = dict(KIND_CHOICES)
APPLY = {
    "figures": services.figures_import,
    "indicators": services.indicators_import,
}


@dataclass(frozen=True)
class _Upload:
    kind: str
    file_name: str
    data: bytes
    digest: str


def _keep(request, *, kind: str, file_name: str, data: bytes) -> None:
    request.session[SESSION_KEY] = {
        "kind": kind,
        "file_name": file_name,
        "data": base64.b64encode(data).decode("ascii"),
        "digest": hashlib.sha256(data).hexdigest(),
    }


def _kept(request) -> _Upload | None:
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict) or stored.get("kind") not in APPLY:
        return None
    try:
        data = base64.b64decode(stored["data"], validate=True)
    except (KeyError, ValueError):
        return None
    if hashlib.sha256(data).hexdigest() != stored.get("digest"):
        return None
    return _Upload(stored["kind"], stored.get("file_name", "file"), data, stored["digest"])


def _forget(request) -> None:
    request.session.pop(SESSION_KEY, None)


@rule_required(permissions.can_import_figures)
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        _keep(
            request,
            kind=form.cleaned_data["kind"],
            file_name=upload.name,
            data=upload.read(),
        )
        return redirect("performance:import_preview")
    return render(request, "performance/import_upload.html", {"form": form})


def _preview_page(request, upload: _Upload, preview: ImportPreview):
    rows = preview.to_write
    return render(
        request,
        "performance/import_preview.html",
        {
            "upload": upload,
            "kind_label": KIND_LABELS[upload.kind],
            "preview": preview,
            "rows": rows[:SHOWN_ROWS],
            "rows_not_shown": max(0, len(rows) - SHOWN_ROWS),
            "errors": preview.errors[:SHOWN_ERRORS],
            "errors_not_shown": max(0, len(preview.errors) - SHOWN_ERRORS),
        },
    )


@rule_required(permissions.can_import_figures)
def import_preview_page(request):
    upload = _kept(request)
    if upload is None:
        messages.info(request, "Upload a file to import.")
        return redirect("performance:import_upload")
    preview = import_preview(kind=upload.kind, file_name=upload.file_name, data=upload.data)
    return _preview_page(request, upload, preview)


@require_POST
@rule_required(permissions.can_import_figures)
def import_apply(request):
    upload = _kept(request)
    if upload is None or request.POST.get("digest") != upload.digest:
        messages.info(request, "That file is no longer waiting to be imported: upload it again.")
        return redirect("performance:import_upload")
    try:
        result = APPLY[upload.kind](file_name=upload.file_name, data=upload.data, user=request.user)
    except ImportRejected as exc:
        preview = ImportPreview(kind=upload.kind, file_name=upload.file_name, errors=exc.errors)
        return _preview_page(request, upload, preview)
    _forget(request)
    messages.success(request, f"Imported {result.summary}")
    return redirect("performance:import_upload")


@rule_required(permissions.can_import_figures)
def import_template(request, kind: str, fmt: str):
    """The blank file to fill in: figures.csv, figures.xlsx, indicators.csv, indicators.xlsx."""
    if kind not in APPLY or fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        response = HttpResponse(template_csv(kind), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(template_xlsx(kind), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    return response
