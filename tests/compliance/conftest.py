import pytest

from tests.support.funded import make_funded


@pytest.fixture
def funded():
    return make_funded()
