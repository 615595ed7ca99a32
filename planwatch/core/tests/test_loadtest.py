"""``planwatch loadtest``: percentiles, and a short run against the test server."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from planwatch.core.loadtest import percentile, summarise


def test_percentiles_are_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.50) == 50
    assert percentile(values, 0.95) == 95
    assert percentile(values, 0.99) == 99
    assert percentile([7.0], 0.95) == 7
    assert percentile([], 0.95) is None
    assert summarise([0.010, 0.020])["max_ms"] == 20.0


@pytest.mark.django_db(transaction=True)
def test_a_short_run_signs_in_and_times_each_page(live_server, officer):
    out = StringIO()
    call_command(
        "loadtest", "/", "/plan/", "--base-url", live_server.url, "--clients", "2",
        "--seconds", "0.5", "--user", "officer", "--json", stdout=out,
    )  # fmt: skip
    result = json.loads(out.getvalue())
    assert result["errors"] == 0  # signed in: no redirects to the sign-in page
    assert result["requests"] == sum(p["requests"] for p in result["paths"]) > 0
    assert [p["path"] for p in result["paths"]] == ["/", "/plan/"]
    assert result["p95_ms"] >= result["p50_ms"] > 0


def test_an_unknown_user_is_refused(db):
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("loadtest", "/", "--user", "nobody", "--seconds", "1")
