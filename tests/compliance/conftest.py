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


@pytest.fixture
def fake_emon(settings):
    """The fake EMON server, with the http transport pointed at it."""
    from .emon_support import AGENT_PK, API_KEY, FakeEmon

    server = FakeEmon()
    server.thread.start()
    settings.ACADEMY_EMON_TRANSPORT = "http"
    settings.ACADEMY_EMON_URL = server.url
    settings.ACADEMY_EMON_AGENT_PK = AGENT_PK
    settings.ACADEMY_EMON_API_KEY = API_KEY
    yield server
    server.server.shutdown()
    server.server.server_close()
