"""planwatch loadtest — time pages under concurrent use, against a running server.

planwatch loadtest --clients 16 --seconds 30 --user officer /open-data/areas/ /open-data/areas/force/
planwatch loadtest --base-url http://127.0.0.1:8000 --user officer --json /open-data/areas/

The clients sign in as ``--user`` through a session made in the database the server uses (run
it with the same settings and DATABASE_URL). Prints the requests made and the 50th, 95th and
99th percentile times, overall and per page; ``--json`` prints them as JSON.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError

from planwatch.core import loadtest


class Command(BaseCommand):
    help = "Time pages of a running PlanWatch under concurrent clients (a benchmark, not a test)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="e.g. /open-data/areas/")
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument("--clients", type=int, default=16)
        parser.add_argument("--seconds", type=float, default=30)
        parser.add_argument("--user", default="", help="Sign the clients in as this user.")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print the results as JSON."
        )

    def handle(self, *args, paths, base_url, clients, seconds, user, as_json, **options):
        if clients < 1 or seconds <= 0:
            raise CommandError("--clients must be at least 1 and --seconds more than 0.")
        cookie = self._session_cookie(user) if user else ""
        result = loadtest.run(
            base_url=base_url, paths=paths, clients=clients, seconds=seconds, cookie=cookie
        )
        if as_json:
            self.stdout.write(json.dumps(result, indent=2))
            return
        out = self.stdout.write
        out(
            f"{result['requests']:,} requests from {clients} clients in {result['seconds']} s "
            f"({result['requests_per_second']}/s), {result['errors']} errors"
        )
        out(f"{'page':<50} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for row in [*result["paths"], {"path": "all", **result}]:
            out(
                f"{row['path']:<50.50} {row['requests']:>6} {row['p50_ms'] or '–':>8} "
                f"{row['p95_ms'] or '–':>8} {row['p99_ms'] or '–':>8}"
            )

    def _session_cookie(self, username: str) -> str:
        found = get_user_model().objects.filter(username=username).first()
        if found is None:
            raise CommandError(f"No user called {username!r}.")
        session = SessionStore()
        session[SESSION_KEY] = str(found.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = found.get_session_auth_hash()
        session.create()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
