import pytest
from django.utils import translation

from tests.support.funded import make_funded


@pytest.fixture(autouse=True)
def _korean():
    """The gates answer in the active language: Korean, the default, whatever an earlier test activated."""
    with translation.override("ko"):
        yield


@pytest.fixture
def funded():
    return make_funded()
