"""Fixtures of the open-data tests."""

import pytest

from .helpers import POLICEUK_2024
from .importing import JAN, database_state, import_files


@pytest.fixture
def january():
    """January's street file imported, so that a refused or stopped run has something to leave
    alone; returns what the database then holds (``database_state``)."""
    import_files(POLICEUK_2024 / JAN)
    return database_state()
