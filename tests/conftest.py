"""Shared fixtures: a fresh cache for every test; the real Celery worker (``tests/support/worker.py``),
Playwright on Debian's Chromium (``tests/support/browser.py``) and the demo site loaded once for every test
that asks for ``shared_demo`` (``tests/support/demo.py``) are registered as plugins."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["tests.support.browser", "tests.support.demo", "tests.support.worker"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached fragments never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _identity_checks(request, settings):
    """Funded runs ask for identity checks (DOMAIN-KR §1.7) only in tests marked ``identity_checks``:
    the other tests of funded runs prove other rules, and a detour before every 차시 and attempt
    would hide them. The marked tests (tests/compliance/test_identity_*.py) prove the gate."""
    if request.node.get_closest_marker("identity_checks") is None:
        settings.ACADEMY_IDENTITY_FUNDED_MOMENTS = []
    yield


@pytest.fixture(autouse=True)
def _personal_data_step(request, settings):
    """A funded enrolment waits for the trainee's personal-data step (주민등록번호, DOMAIN-KR §5.1)
    only in tests marked ``personal_data_step``: the other tests of funded runs enrol trainees to
    prove other rules. The marked tests (tests/accounts/test_resident_number.py) prove the step."""
    if request.node.get_closest_marker("personal_data_step") is None:
        settings.ACADEMY_FUNDED_PERSONAL_DATA_STEP = False
    yield


def wait_for(predicate, *, timeout: float = 30.0, interval: float = 0.2, message: str = "condition"):
    """Poll ``predicate`` until it returns something truthy; fail the test after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    pytest.fail(f"Timed out after {timeout} s waiting for {message}")
