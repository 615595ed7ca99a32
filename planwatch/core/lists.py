"""List pages: filters, pagination and CSV export, shared by every list in PlanWatch.

A list view declares its columns once; the same columns make the HTML table and the CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], Any]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    # Cells starting with these characters are run as formulas by spreadsheet programs.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def csv_response(name: str, columns: Iterable[Column], rows: Iterable[Any]) -> HttpResponse:
    columns = list(columns)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}-{stamp}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow([c.label for c in columns])
    for row in rows:
        writer.writerow([_cell(c.value(row)) for c in columns])
    return response


def paginate(request, queryset, per_page: int | None = None):
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def wants_csv(request) -> bool:
    return request.GET.get("format") == "csv"
