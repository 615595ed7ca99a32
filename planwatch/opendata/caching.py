"""Page bodies made once per address and imported data.

The area pages read a few hundred rows but render tables of every crime type by month and an
SVG chart: that rendering, not the database, is most of their time. Their body depends only on
the address (path and query) and on what has been imported, so it is cached under a key naming
both: the latest import run, so any import gives new keys and the old bodies are never read
again. Nothing in a body depends on who is reading (the page around it, with the signed-in
user's name, is rendered for each request); who may read it is checked before.
"""

from __future__ import annotations

import hashlib

from .models import ImportRun

BODY_SECONDS = 60 * 60


def data_version() -> int:
    """The latest import run: it changes whenever imported data does."""
    return ImportRun.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def cached_body_key(request, page: str) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"opendata:{page}:{data_version()}:{address}"
