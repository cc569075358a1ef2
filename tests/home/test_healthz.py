"""/healthz reports the database, the broker and media storage, from a result at most 15 s old."""

import time

import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage

from lms.celery import app as celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def broker_from_configuration(monkeypatch):
    """Celery reads ``CELERY_BROKER_URL`` from the environment before its configuration, so the
    tests that point the broker elsewhere would not take effect where it is set."""
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)


def test_healthy(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok", "storage": "ok"}}


def test_broker_down_is_503(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "broker": "error", "storage": "ok"}


def test_storage_unwritable_is_503(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("media storage cannot live inside a file")
    settings.MEDIA_ROOT = str(blocker)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "error"


class CountingStorage(FileSystemStorage):
    """Django's file storage, counting the files written to it."""

    saved = 0

    def _save(self, name, content):
        CountingStorage.saved += 1
        return super()._save(name, content)


@pytest.fixture
def counting_storage(settings, tmp_path):
    CountingStorage.saved = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.CountingStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    return CountingStorage


def test_storage_is_written_at_most_once_per_interval(client, counting_storage):
    from home.views import HEALTH_RESULT_KEY

    statuses = []
    for _ in range(5):
        statuses.append(client.get("/healthz").status_code)
        cache.delete(HEALTH_RESULT_KEY)  # as if the result had expired, or another node asked first
    statuses += [client.get("/healthz").status_code for _ in range(20)]

    assert statuses == [200] * 25
    assert counting_storage.saved == 1


def test_the_answer_comes_from_a_result_at_most_the_interval_old(client, settings, monkeypatch):
    settings.ACADEMY_HEALTHZ_MAX_AGE = 1
    assert client.get("/healthz").status_code == 200
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")

    cached = client.get("/healthz")
    time.sleep(1.1)
    fresh = client.get("/healthz")

    assert cached.status_code == 200  # within the interval: the shared result
    assert fresh.status_code == 503 and fresh.json()["checks"]["broker"] == "error"
