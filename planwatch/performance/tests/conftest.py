"""Fixtures for the performance tests."""

import pytest

from planwatch.performance.models import Indicator
from planwatch.places.tests.factories import DistrictFactory, ForceAreaFactory

from .factories import IndicatorFactory


@pytest.fixture
def import_places(db):
    force = ForceAreaFactory()
    cambridge = DistrictFactory(name="Cambridge", gss_code="E07000008", parent=force)
    return {"force": force, "cambridge": cambridge}


@pytest.fixture
def import_indicators(db):
    return {
        "contacts": IndicatorFactory(code="contacts", name="Contacts"),
        "satisfaction": IndicatorFactory(
            code="satisfaction",
            name="Victim satisfaction",
            unit=Indicator.Unit.PERCENTAGE,
            polarity=Indicator.Polarity.HIGHER,
            decimals=1,
        ),
    }
