"""The force area, its districts (each a Community Safety Partnership area) and the wards the
reports name, with their official GSS codes. Keys are used by the other data modules."""

FORCE = "force"

AREAS = [
    {
        "key": FORCE,
        "name": "Cambridgeshire and Peterborough",
        "gss_code": "E23000023",
        "area_type": "force",
        "parent": None,
    },
    {
        "key": "cambridge",
        "name": "Cambridge",
        "gss_code": "E07000008",
        "area_type": "district",
        "parent": FORCE,
    },
    {
        "key": "east-cambridgeshire",
        "name": "East Cambridgeshire",
        "gss_code": "E07000009",
        "area_type": "district",
        "parent": FORCE,
    },
    {
        "key": "fenland",
        "name": "Fenland",
        "gss_code": "E07000010",
        "area_type": "district",
        "parent": FORCE,
    },
    {
        "key": "huntingdonshire",
        "name": "Huntingdonshire",
        "gss_code": "E07000011",
        "area_type": "district",
        "parent": FORCE,
    },
    {
        "key": "south-cambridgeshire",
        "name": "South Cambridgeshire",
        "gss_code": "E07000012",
        "area_type": "district",
        "parent": FORCE,
    },
    {
        "key": "peterborough",
        "name": "Peterborough",
        "gss_code": "E06000031",
        "area_type": "district",
        "parent": FORCE,
    },
    # The Safer Streets Fund bid (November 2020) names "the Arbury area of Cambridge City":
    # the Cambridge ward of 2004-2021 (Abbey is E05002702, Castle E05002704).
    {
        "key": "arbury",
        "name": "Arbury",
        "gss_code": "E05002703",
        "area_type": "ward",
        "parent": "cambridge",
    },
]
