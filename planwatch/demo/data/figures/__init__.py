"""The seeds' business intelligence figures, as import files, and where each indicator is reported.

``indicators.csv`` and ``figures.csv`` are in the import templates' formats (docs/import-templates.md)
and load through the same import as any office's files. docs/demo-figures.md lists the printed
figures that disagree with their parts or basis.
"""

from pathlib import Path

HERE = Path(__file__).parent
INDICATORS_FILE = HERE / "indicators.csv"
FIGURES_FILE = HERE / "figures.csv"

# indicator code -> the priorities for action (keys in data/plan.py) whose sections report it,
# as the November 2019 Panel report places its Business Intelligence Information.
PRIORITY_LINKS = {
    "csp-grant-funding": ["c1.1"],
    "trailblazer-savings-ratio": ["c1.1"],
    "external-funding-secured": ["c1.1"],
    "contacts": ["c1.2"],
    "local-confidence": ["c1.3"],
    "csew-confidence": ["c1.3"],
    "police-activity-satisfaction": ["c1.3"],
    "hate-crime-victim-satisfaction": ["c1.3"],
    "csas-schemes": ["c1.4"],
    "correspondence": ["c1.5"],
    "public-surgeries": ["c1.5"],
    "media-interviews": ["c1.5"],
    "twitter-followers": ["c1.5"],
    "facebook-reach": ["c1.5"],
    "speedwatch-volunteers": ["c1.5"],
    "ksi-casualties": ["c1.5"],
    "road-safety-survey-responses": ["c1.5"],
    "custody-visitor-recruits": ["c2.2"],
    "youth-fund-projects": ["c2.2"],
    "youth-fund-awarded": ["c2.2"],
    "friends-against-scams": ["c2.3"],
    "scam-champions": ["c2.3"],
    "scams-supporting-organisations": ["c2.3"],
    "workforce-headcount": ["c3.1"],
    "workforce-bme": ["c3.1"],
    "workforce-female": ["c3.1"],
    "workforce-disability": ["c3.1"],
    "population-bme": ["c3.1"],
    "complaints-recorded": ["c3.2"],
    "allegations-recorded": ["c3.2"],
    "allegations-rate": ["c3.2"],
    "allegations-finalised": ["c3.2"],
    "complaints-logged": ["c3.2"],
    "complaints-resolved-early": ["c3.2"],
    "complaints-dip-sampled": ["c3.2"],
    "complaint-review-requests": ["c3.2"],
}

# How each indicator's Business Intelligence table is laid out, where not a column per period:
# the call-handling table has a row per period and a column per channel.
TABLE_LAYOUTS = {"contacts": "periods_as_rows"}
