"""axe-core in the browser tests: WCAG 2.2 A and AA on every page a test loads.

``check_a11y(page)`` runs axe-core (from node_modules, installed by ``npm ci``) on the
document open in ``page`` and fails on any violation. ``AccessibilityWatch`` records every
document a page loads, so that a test which loads a page without checking it fails too
(see conftest.py).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[4]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }));
}"""


class AxeUnavailable(RuntimeError):
    pass


def axe_source() -> Path:
    """The axe-core script, or a clear error saying how to install it."""
    if not AXE_JS.is_file():
        raise AxeUnavailable(
            f"axe-core is missing ({AXE_JS}). Run `make assets` (or `npm ci`) first."
        )
    return AXE_JS


def axe_violations(page) -> list[dict]:
    """The WCAG 2.2 A/AA violations axe-core finds in the document open in ``page``."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_source()))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} WCAG 2.2 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html']}")
            if node["summary"]:
                lines.extend(f"       {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


@dataclass
class AccessibilityWatch:
    """The documents one page loaded (in order), which of them axe-core has checked, any
    JavaScript error they raised and any stylesheet, script or image that failed to load."""

    loaded: list[str] = field(default_factory=list)
    checked: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    failed_assets: dict[str, str] = field(default_factory=dict)

    def response_received(self, response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.failed_assets.setdefault(response.url, str(response.status))

    def request_failed(self, request) -> None:
        if request.resource_type != "document":
            self.failed_assets.setdefault(request.url, str(request.failure))

    def unchecked(self) -> list[str]:
        return [url for i, url in enumerate(self.loaded) if i not in self.checked]


_watches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def watch(page) -> AccessibilityWatch:
    """Start recording what ``page`` loads and the JavaScript errors it raises."""
    record = AccessibilityWatch()
    page.on("load", lambda p: record.loaded.append(p.url))
    page.on("pageerror", lambda error: record.errors.append(f"{page.url}: {error}"))
    page.on("response", record.response_received)
    page.on("requestfailed", record.request_failed)
    _watches[page] = record
    return record


def watch_of(page) -> AccessibilityWatch | None:
    return _watches.get(page)


def check_a11y(page) -> None:
    """Fail unless the document now open in ``page`` passes axe-core (WCAG 2.2 A/AA)."""
    __tracebackhide__ = True
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    record = watch_of(page)
    if record is not None and record.loaded:
        # The round trip of axe_violations has delivered the page's "load" event, so the
        # last document recorded is the one just checked.
        record.checked.add(len(record.loaded) - 1)
    if violations:
        raise AssertionError(describe_violations(page.url, violations))
