"""Neighbourhoods: defining one (ticked LSOAs, pasted or uploaded codes), its history, the
before/after comparison against an independent count, the CLI, and who may do what."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from planwatch.core.models import ActivityLog
from planwatch.opendata import neighbourhoods
from planwatch.opendata.models import Lsoa, Neighbourhood
from planwatch.opendata.services import district_counts_rebuild
from planwatch.places.tests.factories import DistrictFactory

from .factories import LsoaFactory, NeighbourhoodFactory, StreetCrimeCountFactory

ADD = reverse("opendata:neighbourhood_create")


def _month(year, month):
    return dt.date(year, month, 1)


@pytest.fixture
def area(db):
    """Arbury (3 LSOAs in Cambridge, 1 in South Cambridgeshire), the rest of those two
    districts, and a third district that must never be counted; street crime in each LSOA
    from July 2023 to December 2024, of two types, in counts that vary by LSOA and month."""
    inside = [LsoaFactory(code=f"E0101700{i}", district_name="Cambridge") for i in range(3)]
    inside.append(LsoaFactory(code="E01018000", district_name="South Cambridgeshire"))
    rest = [LsoaFactory(code=f"E0101710{i}", district_name="Cambridge") for i in range(4)]
    rest.append(LsoaFactory(code="E01018100", district_name="South Cambridgeshire"))
    elsewhere = [LsoaFactory(code="E01019000", district_name="Huntingdonshire")]
    rows = []
    for n, lsoa in enumerate(inside + rest + elsewhere):
        for m in range(18):
            month = neighbourhoods.month_add(_month(2023, 7), m)
            for crime_type, base in (("Burglary", 3), ("Vehicle crime", 1)):
                count = (base + n * 7 + m * (5 if lsoa in inside else 3)) % 11
                if count:
                    StreetCrimeCountFactory(
                        lsoa_code=lsoa.code, month=month, crime_type=crime_type, count=count
                    )
                    rows.append((lsoa.code, month, crime_type, count))
    district_counts_rebuild()
    return {"inside": inside, "rest": rest, "elsewhere": elsewhere, "rows": rows}


def _count(rows, codes, crime_type, first, last):
    return sum(c for code, month, t, c in rows if code in codes and t == crime_type
               and first <= month <= last)  # fmt: skip


# --- Defining a neighbourhood


def test_officer_adds_a_neighbourhood_from_pasted_codes(officer_client, area):
    codes = [lsoa.code for lsoa in area["inside"]]
    text = f"{codes[0]}, {codes[1].lower()}\n{codes[2]}  {codes[3]},"
    response = officer_client.post(
        ADD, {"name": "Arbury", "description": "Safer Streets bid", "codes": text}
    )
    arbury = Neighbourhood.objects.get(name="Arbury")
    assert response.status_code == 302
    assert response["Location"] == reverse("opendata:neighbourhood_detail", args=["arbury"])
    assert sorted(arbury.lsoas.values_list("code", flat=True)) == sorted(codes)
    log = ActivityLog.objects.get(object_id=str(arbury.pk))
    assert log.action == ActivityLog.Action.CREATE
    assert log.user.username == "officer"
    assert sorted(log.changes["lsoas"]["new"]) == sorted(str(lsoa) for lsoa in area["inside"])


def test_officer_adds_a_neighbourhood_by_ticking_lsoas(officer_client, area):
    page = officer_client.get(ADD)
    assert page.status_code == 200
    assert "South Cambridgeshire" in page.content.decode()
    chosen = area["inside"][:2]
    response = officer_client.post(ADD, {"name": "Arbury", "lsoas": [lsoa.pk for lsoa in chosen]})
    assert response.status_code == 302
    arbury = Neighbourhood.objects.get(slug="arbury")
    assert set(arbury.lsoas.all()) == set(chosen)
    assert ActivityLog.objects.filter(object_id=str(arbury.pk), action="create").exists()


def test_ticked_and_uploaded_codes_are_combined(officer_client, area):
    upload = SimpleUploadedFile(
        "arbury.csv", f"LSOA code\n{area['inside'][1].code}\n{area['inside'][2].code}\n".encode()
    )
    response = officer_client.post(
        ADD, {"name": "Arbury", "lsoas": [area["inside"][0].pk], "codes_file": upload}
    )
    assert response.status_code == 302
    assert set(Neighbourhood.objects.get().lsoas.all()) == set(area["inside"][:3])


def test_unknown_codes_are_refused_each_named_and_nothing_is_saved(officer_client, area):
    text = f"{area['inside'][0].code}, E01999999 NOTACODE"
    response = officer_client.post(ADD, {"name": "Arbury", "codes": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "E01999999" in page and "NOTACODE" in page
    assert not Neighbourhood.objects.exists()
    assert not ActivityLog.objects.filter(object_repr="Arbury").exists()


def test_a_neighbourhood_needs_lsoas_and_a_unique_name(officer_client, area):
    response = officer_client.post(ADD, {"name": "Arbury"})
    assert "Choose at least one LSOA, or enter their codes" in response.content.decode()
    NeighbourhoodFactory(name="Arbury", slug="arbury")
    response = officer_client.post(ADD, {"name": "Arbury", "codes": area["inside"][0].code})
    assert response.status_code == 200
    assert Neighbourhood.objects.count() == 1


def test_no_lsoas_imported_says_so(officer_client):
    page = officer_client.get(ADD).content.decode()
    assert "There are no LSOAs to choose from yet" in page


def test_changing_a_neighbourhood_is_recorded(officer_client, area):
    arbury = NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"][:2])
    detail_url = reverse("opendata:neighbourhood_detail", args=["arbury"])
    assert "2 LSOAs" in officer_client.get(detail_url).content.decode()  # its body is kept
    url = reverse("opendata:neighbourhood_edit", args=["arbury"])
    page = officer_client.get(url).content.decode()
    assert f'value="{area["inside"][0].pk}" checked' in page
    response = officer_client.post(
        url,
        {
            "name": "Arbury and Kings Hedges",
            "lsoas": [lsoa.pk for lsoa in area["inside"]],
        },
    )
    assert response.status_code == 302
    arbury.refresh_from_db()
    assert arbury.slug == "arbury"  # addresses and scripts keep working
    assert arbury.lsoas.count() == 4
    log = ActivityLog.objects.get(object_id=str(arbury.pk), action="update")
    assert set(log.changes) == {"name", "lsoas"}
    assert log.changes["name"]["old"] == "Arbury"
    detail = officer_client.get(detail_url)
    assert "Arbury and Kings Hedges" in detail.content.decode()
    assert "4 LSOAs" in detail.content.decode()
    assert list(detail.context["history"])[0].pk == log.pk


# --- The before/after comparison


@pytest.mark.parametrize(
    ("crime_type", "month", "window"),
    [("Burglary", _month(2024, 4), 6), ("Vehicle crime", _month(2024, 1), 3),
     ("Burglary", _month(2024, 7), 12)],
)  # fmt: skip
def test_before_after_equals_an_independent_count(area, crime_type, month, window):
    arbury = NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"])
    result = neighbourhoods.before_after(
        neighbourhood=arbury, crime_type=crime_type.lower(), month=month, window=window
    )
    rows = area["rows"]
    inside = {lsoa.code for lsoa in area["inside"]}
    rest = {lsoa.code for lsoa in area["rest"]}
    before = (neighbourhoods.month_add(month, -window), neighbourhoods.month_add(month, -1))
    after = (month, neighbourhoods.month_add(month, window - 1))
    assert result.crime_type == crime_type
    assert result.districts == ["Cambridge", "South Cambridgeshire"]
    assert result.before == _count(rows, inside, crime_type, *before)
    assert result.after == _count(rows, inside, crime_type, *after)
    assert result.rest_before == _count(rows, rest, crime_type, *before)
    assert result.rest_after == _count(rows, rest, crime_type, *after)
    assert result.rest_lsoas == 5
    change = (result.after - result.before) / result.before * 100
    rest_change = (result.rest_after - result.rest_before) / result.rest_before * 100
    assert result.change == pytest.approx(change)
    assert result.difference == pytest.approx(change - rest_change)
    # Months after December 2024 were never imported: the page warns of them.
    if window == 12:
        assert result.months_missing[-1] == _month(2025, 6)


def test_the_page_shows_the_comparison(member_client, area):
    NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"])
    url = reverse("opendata:neighbourhood_detail", args=["arbury"])
    first = member_client.get(url)
    assert first.status_code == 200
    assert first.context["form"]["crime_type"].value() == "Burglary"
    assert first.context["comparison"] is None
    response = member_client.get(url, {"crime_type": "Burglary", "month": "2024-04", "window": 6})
    c = response.context["comparison"]
    page = response.content.decode()
    assert c.sentence in page
    assert "not an evaluation" in page
    assert f"{c.difference:.1f} percentage points" in page
    bad = member_client.get(url, {"crime_type": "Burglary", "month": "April", "window": 6})
    assert "Enter the month as year and month" in bad.content.decode()


def test_change_sentence_reads_plainly():
    sentence = neighbourhoods.change_sentence
    assert (
        sentence(crime_type="Burglary", place="Arbury", rest="Cambridge", change=-20.2,
                 rest_change=-5)
        == "Burglary fell 20% in Arbury against 5% in the rest of Cambridge"
    )  # fmt: skip
    assert sentence(
        crime_type="Burglary", place="Arbury", rest="Cambridge", change=-20, rest_change=4
    ) == ("Burglary fell 20% in Arbury, while in the rest of Cambridge it rose 4%")
    assert "cannot be compared" in sentence(
        crime_type="Burglary", place="Arbury", rest="Cambridge", change=None, rest_change=4
    )
    assert neighbourhoods.percent_change(0, 5) is None
    assert neighbourhoods.percent_change(10, 8) == pytest.approx(-20)
    assert neighbourhoods.join_names(["A", "B", "C"]) == "A, B and C"
    assert neighbourhoods.month_add(_month(2024, 1), -1) == _month(2023, 12)
    assert neighbourhoods.month_add(_month(2024, 11), 2) == _month(2025, 1)


def test_codes_are_split_on_commas_spaces_and_new_lines():
    assert neighbourhoods.lsoa_codes_split(' e01000001,E01000002;\n"E01000003"  E01000001 ') == [
        "E01000001",
        "E01000002",
        "E01000003",
    ]
    assert neighbourhoods.lsoa_codes_from_file("LSOA code\nE01000001\n") == ["E01000001"]


# --- The CLI


def _cli(*args):
    out = StringIO()
    call_command("policeuk", *args, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_counts_cli_by_neighbourhood(area):
    NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"])
    inside = {lsoa.code for lsoa in area["inside"]}
    rows = _cli(
        "counts", "--crime-type", "burglary", "--neighbourhood", "ARBURY",
        "--from", "2023-06", "--to", "2024-12", "--json",
    )  # fmt: skip
    assert rows[0] == {"month": "2023-06", "count": 0}
    assert len(rows) == 19
    for row in rows[1:]:
        month = dt.datetime.strptime(row["month"], "%Y-%m").date()
        assert row["count"] == _count(area["rows"], inside, "Burglary", month, month)
    by_slug = _cli(
        "counts", "--crime-type", "Burglary", "--neighbourhood", "arbury",
        "--from", "2023-06", "--to", "2024-12", "--json",
    )  # fmt: skip
    assert by_slug == rows
    with pytest.raises(CommandError, match="No neighbourhood is called 'Nowhere'"):
        _cli("counts", "--crime-type", "Burglary", "--neighbourhood", "Nowhere",
             "--from", "2024-01", "--to", "2024-02")  # fmt: skip
    with pytest.raises(CommandError, match="not allowed with argument"):
        _cli("counts", "--crime-type", "Burglary", "--neighbourhood", "arbury",
             "--district", "Cambridge", "--from", "2024-01", "--to", "2024-02")  # fmt: skip


# --- Who may do what


def test_partner_is_refused(client, partner, area):
    NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"])
    client.force_login(partner)
    for url in (
        reverse("opendata:neighbourhood_list"),
        ADD,
        reverse("opendata:neighbourhood_detail", args=["arbury"]),
        reverse("opendata:neighbourhood_edit", args=["arbury"]),
    ):
        assert client.get(url).status_code == 403
    assert client.post(ADD, {"name": "X", "codes": area["inside"][0].code}).status_code == 403
    assert Neighbourhood.objects.count() == 1


def test_member_reads_but_cannot_change(member_client, area):
    NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"])
    listing = member_client.get(reverse("opendata:neighbourhood_list")).content.decode()
    assert "Arbury" in listing and "Add a neighbourhood" not in listing
    detail = member_client.get(reverse("opendata:neighbourhood_detail", args=["arbury"]))
    assert detail.status_code == 200
    assert "Change the neighbourhood" not in detail.content.decode()
    edit = reverse("opendata:neighbourhood_edit", args=["arbury"])
    assert member_client.get(edit).status_code == 403
    assert member_client.post(edit, {"name": "Renamed", "codes": "E01017000"}).status_code == 403
    assert member_client.post(ADD, {"name": "X", "codes": "E01017000"}).status_code == 403
    assert list(Neighbourhood.objects.values_list("name", flat=True)) == ["Arbury"]


def test_lsoas_outside_the_forces_districts_are_pointed_out(member_client, area, settings):
    """LSOA counts are kept for the office's own force: a neighbourhood that reaches into
    another force's district says its figures there are only the office's force's records."""
    settings.POLICEUK_FORCE = "cambridgeshire"
    cambridge = DistrictFactory(name="Cambridge")
    Lsoa.objects.filter(district_name="Cambridge").update(district=cambridge)
    border = LsoaFactory(
        code="E01033000", name="Huntingdonshire 099Z", district_name="Huntingdonshire"
    )
    url = reverse("opendata:neighbourhood_detail", args=["arbury"])

    NeighbourhoodFactory(name="Arbury", slug="arbury", lsoas=area["inside"][:3])
    assert "outside" not in member_client.get(url).content.decode()

    arbury = Neighbourhood.objects.get(slug="arbury")
    arbury.lsoas.add(border)
    arbury.save()
    html = member_client.get(url).content.decode()
    assert (
        "1 of 4 LSOAs is outside Cambridgeshire’s districts: Huntingdonshire 099Z (E01033000)"
        in html
    )
    assert "crimes recorded there by the force the LSOA belongs to are not included" in html

    # Every force's counts kept (and the server started again): nothing to point out.
    settings.POLICEUK_FORCE = ""
    cache.clear()
    assert "outside" not in member_client.get(url).content.decode()
