"""The stop-and-search scrutiny page and the population figures behind it: numbers against an
independent count, rates per 1,000 and ratios from entered figures, empty states, CSV, and who
may do what."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from planwatch.core.models import ActivityLog
from planwatch.opendata.models import PopulationFigure
from planwatch.opendata.selectors import STOP_SEARCH_GROUPS, StopSearchGroup
from planwatch.opendata.services_stop_search import population_figure_save
from planwatch.opendata.stop_search import scrutiny_table

from .factories import PopulationFigureFactory, StopSearchFactory
from .helpers import POLICEUK_2024, csv_rows

PAGE = reverse("opendata:stop_search")
FIGURES = reverse("opendata:population_figure_list")
ADD = reverse("opendata:population_figure_create")
NFA = "A no further action disposal"
ARREST = "Arrest"

# (month, officer-defined ethnicity, age range, outcome, linked): a few searches by hand.
RECORDS = [
    ((2024, 1), "White", "18-24", NFA, None),
    ((2024, 1), "White", "18-24", ARREST, True),
    ((2024, 2), "White", "over 34", NFA, False),
    ((2024, 2), "White", "25-34", "Community resolution", True),
    ((2024, 3), "Black", "18-24", NFA, None),
    ((2024, 3), "Black", "18-24", ARREST, True),
    ((2024, 3), "Black", "10-17", NFA, None),
    ((2024, 4), "Asian", "25-34", ARREST, False),
    ((2024, 4), "", "18-24", NFA, None),
    # Outside the months asked for: never counted.
    ((2023, 12), "Black", "18-24", ARREST, True),
    ((2024, 5), "White", "18-24", NFA, None),
]


@pytest.fixture
def records(db):
    for (year, month), ethnicity, age, outcome, linked in RECORDS:
        StopSearchFactory(
            month=dt.date(year, month, 1),
            officer_defined_ethnicity=ethnicity,
            age_range=age,
            outcome=outcome,
            outcome_linked_to_object_of_search=linked,
        )
    return RECORDS


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _expected(records, column, first=(2024, 1), last=(2024, 4)):
    """An independent count: {group: (searches, linked, no further action)}."""
    chosen = [r for r in records if first <= r[0] <= last]
    groups: dict[str, list[int]] = {}
    for record in chosen:
        group = record[column] or "Not stated"
        counts = groups.setdefault(group, [0, 0, 0])
        counts[0] += 1
        counts[1] += record[4] is True  # blank ("None") is not linked
        counts[2] += record[3] == NFA
    return groups, len(chosen)


def test_the_page_counts_as_an_independent_count_does(member_client, records):
    response = member_client.get(
        PAGE, {"start": "2024-01", "end": "2024-04", "by": "officer_defined_ethnicity"}
    )
    assert response.status_code == 200
    table = response.context["table"]
    expected, total = _expected(records, 1)
    assert table.searches == total == 9
    assert {r.group: (r.searches, r.linked, r.no_further_action) for r in table.rows} == {
        group: tuple(counts) for group, counts in expected.items()
    }
    rows = _csv(
        member_client.get(
            PAGE,
            {
                "start": "2024-01",
                "end": "2024-04",
                "by": "officer_defined_ethnicity",
                "format": "csv",
            },
        )
    )
    assert [r["Officer-defined ethnicity"] for r in rows] == [
        "White",
        "Black",
        "Asian",
        "Not stated",
    ]
    for row in rows:
        searches, linked, nfa = expected[row["Officer-defined ethnicity"]]
        assert int(row["Searches"]) == searches
        assert float(row["Share of all searches (%)"]) == round(searches / total * 100, 1)
        assert int(row["Outcome linked to object of search"]) == linked
        assert float(row["Linked-outcome rate (%)"]) == round(linked / searches * 100, 1)
        assert int(row["No further action"]) == nfa
        assert float(row["No-further-action rate (%)"]) == round(nfa / searches * 100, 1)
        assert row["Population"] == row["Disproportionality ratio"] == ""
    html = response.content.decode()
    # White: 4 searches of 9 (44.4%), 2 linked (50.0%), 2 no further action (50.0%).
    white = html[html.index('<th scope="row" class="govuk-table__header">White</th>') :]
    cells = [c.split("<")[0] for c in white.split('--numeric">')[1:5]]
    assert cells == ["4", "44.4%", "50.0%", "50.0%"]
    assert "How these figures are worked out" in html


def test_by_default_the_page_shows_the_last_12_months_with_data(member_client, db):
    for n in range(14):
        StopSearchFactory(month=dt.date(2023 + (n + 1) // 12, (n + 1) % 12 + 1, 1))
    response = member_client.get(PAGE)
    assert response.context["first"] == dt.date(2023, 4, 1)
    assert response.context["last"] == dt.date(2024, 3, 1)
    assert response.context["table"].searches == 12
    assert 'value="2023-04"' in response.content.decode()


def test_disproportionality_is_worked_out_from_the_entered_figures(member_client, records):
    PopulationFigureFactory(group="White", population=2000)
    PopulationFigureFactory(group="Black", population=100)
    PopulationFigureFactory(group="Mixed", population=50)  # entered, never searched
    response = member_client.get(
        PAGE, {"start": "2024-01", "end": "2024-04", "by": "officer_defined_ethnicity"}
    )
    table = response.context["table"]
    rows = {r.group: r for r in table.rows}
    assert table.comparator.label == "White"
    assert rows["White"].rate_per_1000 == pytest.approx(4 / 2000 * 1000)  # 2 per 1,000
    assert rows["Black"].rate_per_1000 == pytest.approx(3 / 100 * 1000)  # 30 per 1,000
    assert rows["Black"].ratio == pytest.approx(15.0)
    assert rows["White"].ratio == pytest.approx(1.0)
    assert rows["Mixed"].searches == 0 and rows["Mixed"].ratio == 0
    assert rows["Asian"].rate_per_1000 is None and rows["Asian"].ratio is None
    html = response.content.decode()
    assert "Disproportionality ratios are against White (the White group)" in html
    assert "No population figure has been entered for Asian" in html
    rows_csv = {
        r["Officer-defined ethnicity"]: r
        for r in _csv(
            member_client.get(
                PAGE,
                {
                    "start": "2024-01",
                    "end": "2024-04",
                    "by": "officer_defined_ethnicity",
                    "format": "csv",
                },
            )
        )
    }
    assert rows_csv["Black"]["Population"] == "100"
    assert rows_csv["Black"]["Searches per 1,000 population"] == "30.0"
    assert rows_csv["Black"]["Disproportionality ratio"] == "15.0"
    assert rows_csv["Asian"]["Disproportionality ratio"] == ""


def test_other_groupings_compare_against_the_largest_group(member_client, records):
    PopulationFigureFactory(group_by="age_range", group="18-24", population=500)
    PopulationFigureFactory(group_by="age_range", group="over 34", population=4000)
    response = member_client.get(PAGE, {"start": "2024-01", "end": "2024-04", "by": "age_range"})
    table = response.context["table"]
    rows = {r.group: r for r in table.rows}
    assert table.comparator.label == "over 34"
    # 18-24: 5 searches per 500 = 10 per 1,000; over 34: 1 per 4,000 = 0.25 per 1,000.
    assert rows["18-24"].ratio == pytest.approx(40.0)
    assert "against over 34 (the group with the largest population entered)" in (
        response.content.decode()
    )


def test_self_defined_white_groups_are_taken_together():
    groups = [
        StopSearchGroup("White - Irish", 2, 0, 0, 1),
        StopSearchGroup("White - Any other White background", 2, 0, 1, 1),
        StopSearchGroup("Asian/Asian British - Pakistani", 3, 0, 0, 3),
    ]
    table = scrutiny_table(
        by="self_defined_ethnicity",
        groups=groups,
        populations={
            "White - Irish": 1000,
            "White - Any other White background": 3000,
            "Asian/Asian British - Pakistani": 500,
        },
    )
    assert table.comparator.population == 4000 and table.comparator.searches == 4
    rows = {r.group: r for r in table.rows}
    assert rows["Asian/Asian British - Pakistani"].ratio == pytest.approx((3 / 500) / (4 / 4000))


def test_no_ratios_without_a_white_figure():
    table = scrutiny_table(
        by="officer_defined_ethnicity",
        groups=[StopSearchGroup("Black", 3, 0, 1, 1)],
        populations={"Black": 100},
    )
    assert table.comparator is None and "White" in table.comparator_problem
    assert table.rows[0].rate_per_1000 == pytest.approx(30.0) and table.rows[0].ratio is None


def test_without_figures_the_page_says_what_to_enter(officer_client, member, records):
    query = {"start": "2024-01", "end": "2024-04", "by": "officer_defined_ethnicity"}
    html = officer_client.get(PAGE, query).content.decode()
    assert "No population figures have been entered for officer-defined ethnicity" in html
    for group in ("White", "Black", "Asian"):
        assert f"<li>{group}</li>" in html
    assert f'href="{ADD}?group_by=officer_defined_ethnicity"' in html
    member_client = officer_client
    member_client.force_login(member)
    html = member_client.get(PAGE, query).content.decode()
    assert f'href="{FIGURES}"' in html and f'href="{ADD}' not in html
    html = member_client.get(PAGE, {**query, "by": "outcome"}).content.decode()
    assert "No population figures have been entered" not in html
    assert "shown for ethnicity, age range and gender" in html


def test_empty_state_when_nothing_is_imported(member_client):
    response = member_client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No stop-and-search records yet" in html
    assert "planwatch import-policeuk" in html
    assert "<table" not in html
    assert _csv(member_client.get(PAGE, {"format": "csv"})) == []


def test_months_without_searches_and_wrong_months(member_client, records):
    response = member_client.get(PAGE, {"start": "2020-01", "end": "2020-03", "by": "gender"})
    assert "No searches were recorded from January 2020 to March 2020" in response.content.decode()
    response = member_client.get(PAGE, {"start": "2024-05", "end": "2024-01", "by": "gender"})
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The last month must be the same as or after the first month" in html
    assert "<table" not in html


def test_partner_and_anonymous_are_refused(client, partner_client, records):
    assert partner_client.get(PAGE).status_code == 403
    assert partner_client.get(PAGE, {"format": "csv"}).status_code == 403
    assert partner_client.get(FIGURES).status_code == 403
    client.logout()
    assert client.get(PAGE).status_code == 302


def test_member_reads_figures_but_cannot_add_or_change_them(member_client, db):
    figure = PopulationFigureFactory()
    response = member_client.get(FIGURES)
    assert response.status_code == 200
    html = response.content.decode()
    assert "700,000" in html and "Add a population figure" not in html
    edit = reverse("opendata:population_figure_edit", args=[figure.pk])
    assert edit not in html
    data = {"group_by": "gender", "group": "Male", "population": "1", "source": "Guess"}
    assert member_client.get(ADD).status_code == 403
    assert member_client.post(ADD, data).status_code == 403
    assert (
        member_client.post(edit, {**data, "group_by": "officer_defined_ethnicity"}).status_code
        == 403
    )
    assert PopulationFigure.objects.count() == 1
    assert PopulationFigure.objects.get().population == 700_000


def test_officer_adds_and_changes_a_figure_and_it_is_recorded(officer_client, officer):
    data = {
        "group_by": "officer_defined_ethnicity",
        "group": " Black ",
        "population": "21000",
        "source": "Census 2021, table TS021",
    }
    response = officer_client.post(ADD, data)
    assert response.status_code == 302 and response["Location"] == FIGURES
    figure = PopulationFigure.objects.get()
    assert (figure.group, figure.population, figure.created_by) == ("Black", 21000, officer)
    log = ActivityLog.objects.get(object_id=str(figure.pk), action=ActivityLog.Action.CREATE)
    assert log.user == officer

    edit = reverse("opendata:population_figure_edit", args=[figure.pk])
    assert officer_client.get(edit).status_code == 200
    response = officer_client.post(edit, {**data, "population": "22000"})
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.population == 22000
    change = ActivityLog.objects.get(object_id=str(figure.pk), action=ActivityLog.Action.UPDATE)
    assert change.changes["population"]["old"] == 21000
    assert change.changes["population"]["new"] == 22000


def test_the_figure_form_shows_an_error_summary(officer_client, db):
    PopulationFigureFactory(group="Black")
    response = officer_client.post(
        ADD, {"group_by": "officer_defined_ethnicity", "group": "Black", "population": "0"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "There is already a population figure for Black: change that one instead" in html
    assert "The population must be more than 0" in html
    assert "Enter where the figure comes from" in html
    assert PopulationFigure.objects.count() == 1


@pytest.mark.skipif(not POLICEUK_2024.is_dir(), reason="needs the police.uk files")
def test_on_the_real_files_the_page_agrees_with_the_cli(member_client):
    files = sorted(POLICEUK_2024.glob("*-stop-and-search.csv"))
    call_command("import_policeuk", *map(str, files), stdout=io.StringIO(), stderr=io.StringIO())
    published = sum(len(csv_rows(path)) for path in files)
    for by in STOP_SEARCH_GROUPS:
        query = {"start": "2024-01", "end": "2024-12", "by": by}
        out = io.StringIO()
        call_command(
            "policeuk", "stop-search", "--from", "2024-01", "--to", "2024-12", "--by", by,
            "--json", stdout=out,
        )  # fmt: skip
        cli = json.loads(out.getvalue())
        page = _csv(member_client.get(PAGE, {**query, "format": "csv"}))
        label = next(iter(page[0]))
        assert [(r[label], int(r["Searches"])) for r in page] == [
            (g["group"], g["searches"]) for g in cli
        ]
        for row, group in zip(page, cli, strict=True):
            searches = int(row["Searches"])
            linked, nfa = (
                int(row["Outcome linked to object of search"]),
                int(row["No further action"]),
            )
            assert round(linked / searches, 4) == group["linked_outcome_rate"]
            assert round(nfa / searches, 4) == group["nfa_rate"]
            assert float(row["Linked-outcome rate (%)"]) == round(linked / searches * 100, 1)
        assert sum(int(r["Searches"]) for r in page) == published


def test_the_page_shows_a_figure_as_soon_as_it_is_entered_or_changed(
    member_client, officer, records
):
    """The page's body is kept between requests; entering or changing a figure gives a new
    one at once."""
    query = {"start": "2024-01", "end": "2024-04", "by": "officer_defined_ethnicity"}
    for _ in range(2):
        html = member_client.get(PAGE, query).content.decode()
        assert "No population figures have been entered" in html
    fields = {"group_by": "officer_defined_ethnicity", "group": "White", "source": "Census 2021"}
    figure = population_figure_save(user=officer, population=2000, **fields)
    html = member_client.get(PAGE, query).content.decode()
    assert ">2,000<" in html and ">2.00<" in html  # 4 searches per 2,000 people: 2 per 1,000
    population_figure_save(user=officer, population=4000, figure=figure, **fields)
    html = member_client.get(PAGE, query).content.decode()
    assert ">4,000<" in html and ">1.00<" in html
