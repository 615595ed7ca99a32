"""A load run against a running PlanWatch: N clients, each requesting pages one after another
for a while, signed in as one user. Used by ``planwatch loadtest`` to show how fast pages answer
under concurrent use (see docs/benchmarks.md); not a test.

Times are measured by the clients, from sending the request to reading the whole response, so
they include the server's queuing; percentiles are of every request made.
"""

from __future__ import annotations

import http.client
import itertools
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class PathTimes:
    path: str
    seconds: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict:
        return {"path": self.path, **summarise(self.seconds), "errors": dict(self.errors)}


def percentile(values: list[float], share: float) -> float | None:
    """The value below which ``share`` of the values lie (nearest rank)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def summarise(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {
        "requests": len(ms),
        "p50_ms": _round(percentile(ms, 0.50)),
        "p95_ms": _round(percentile(ms, 0.95)),
        "p99_ms": _round(percentile(ms, 0.99)),
        "max_ms": _round(max(ms) if ms else None),
        "mean_ms": _round(statistics.fmean(ms) if ms else None),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def run(*, base_url: str, paths: list[str], clients: int, seconds: float, cookie: str = "") -> dict:
    """Each client requests ``paths`` in turn (starting at a different one) until ``seconds``
    have passed; returns the summary overall and per path."""
    target = urlsplit(base_url)
    by_path = {p: PathTimes(p) for p in paths}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    headers = {"Cookie": cookie} if cookie else {}

    def client(number: int) -> None:
        connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
        order = itertools.islice(itertools.cycle(paths), number % len(paths), None)
        for path in order:
            if time.monotonic() >= deadline:
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                outcome = None if response.status == 200 else f"HTTP {response.status}"
            except (OSError, http.client.HTTPException) as exc:
                outcome = type(exc).__name__
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port or 80)
            elapsed = time.perf_counter() - started
            with lock:
                times = by_path[path]
                if outcome is None:
                    times.seconds.append(elapsed)
                else:
                    times.errors[outcome] = times.errors.get(outcome, 0) + 1
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    everything = [s for t in by_path.values() for s in t.seconds]
    errors = sum(sum(t.errors.values()) for t in by_path.values())
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests_per_second": round(len(everything) / elapsed, 1) if elapsed else None,
        **summarise(everything),
        "errors": errors,
        "paths": [t.summary() for t in by_path.values()],
    }
