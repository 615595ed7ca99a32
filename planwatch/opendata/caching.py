"""Page bodies made once per address and data.

The open-data pages read a few hundred rows but render tables of every crime type by month, or
of every district, and SVG charts: that rendering, not the database, is most of their time.
Their body depends only on the address (path and query) and on the data: what has been
imported, and PlanWatch's places (whose names and GSS codes the pages show). So it is cached
under a key naming all three (``data_version``): any import, or any change to a place, gives
new keys, and the old bodies are never read again. Nothing in a body depends on who is reading
(the page around it, with the signed-in user's name, is rendered for each request), or where it
does (a link only officers get) the key names that too; who may read it is checked before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max
from django.http import HttpResponse

from planwatch.places.models import Area

from .models import ImportRun

BODY_SECONDS = 60 * 60


def data_version() -> str:
    """Changes whenever imported data or PlanWatch's places do: the latest import run, and the
    number of places and when one last changed (one query)."""
    run = connection.ops.quote_name(ImportRun._meta.db_table)
    area = connection.ops.quote_name(Area._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT max(id) FROM {run}), count(*), max(updated_at) FROM {area}"  # noqa: S608
        )
        latest, places, changed = cursor.fetchone()
    text = f"{latest or 0}-{places}-{changed}"  # the time is text on SQLite, a datetime elsewhere
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cached_body_key(request, page: str, versions: tuple = (), *, version: str | None = None) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    extra = "".join(f":{v}" for v in versions)
    return f"opendata:{page}:{version or data_version()}{extra}:{address}"


def cached_body(
    request,
    page: str,
    make: Callable[[], str | HttpResponse],
    *,
    versions: tuple = (),
    version: str | None = None,
) -> str | HttpResponse:
    """The page's body for this address and data: from the cache, or made (``make``) and kept.
    ``versions`` names what else the body depends on (other data, what the reader may do);
    ``version`` is ``data_version()`` where the caller has it already. A response ``make``
    returns instead (a CSV file, say) is returned as it is, not kept."""
    return _kept(cached_body_key(request, page, versions, version=version), make)


def changes(queryset) -> str:
    """A version of the rows of ``queryset`` (of a model with ``updated_at``): their number and
    the latest change, for the key of a body that shows them."""
    rows = queryset.aggregate(n=Count("pk"), changed=Max("updated_at"))
    changed = rows["changed"].timestamp() if rows["changed"] else 0
    return f"{rows['n']}-{changed:.6f}"


def cached(name: str, make: Callable[[], object], *, version: str | None = None) -> object:
    """A value computed from the data (``make``), kept until the data changes (None is not
    kept: it is made again each time)."""
    return _kept(f"opendata:{name}:{version or data_version()}", make)


def _kept(key: str, make: Callable[[], object]) -> object:
    value = cache.get(key)
    if value is None:
        value = make()
        if value is not None and not isinstance(value, HttpResponse):
            cache.set(key, value, BODY_SECONDS)
    return value
