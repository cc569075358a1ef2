"""One demo site for every test that reads it: ``load_demo_data`` (~20–30 s) runs once per test session,
not once per test.

A test that asks for the ``shared_demo`` fixture runs inside an outer transaction that holds the loaded
demo; pytest-django's own per-test transaction nests inside it as a savepoint, so whatever a test
changes (a second ``load_demo_data`` included) is rolled back before the next one and every test sees
the pristine demo. The tests that ask for it are run one after the other (``pytest_collection_modifyitems``
below moves them next to the first of them, inside pytest-django's group of non-transactional tests), and
the outer transaction is rolled back as soon as the next test does not ask for it, so no other test ever
sees the demo.

What this does not change: the demo is loaded with the settings of an unmarked test (identity checks and
the personal-data step off, as ``tests/conftest.py`` sets them), so the tests that load it under other
settings (``identity_checks``, ``personal_data_step``, another ``DEMO_PASSWORD``, the production refusal)
still load their own; ``transaction.on_commit`` callbacks of the load never run, exactly as when each test
loaded the demo inside its own transaction; the cache is cleared before every test as always (the demo's
database rows are the truth, nothing it cached is needed); the files it writes (certificate PDFs, the
evidence pack) stay on disk for the whole session. Transactional tests (``live_server``,
``transactional_db``) cannot see an uncommitted demo and keep loading their own.
"""

from __future__ import annotations

import os

import pytest

FIXTURE = "shared_demo"


class SharedDemo:
    """The outer transaction holding the loaded demo: opened (and loaded) on demand, rolled back when
    the next test does not need it."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.loads = 0

    @property
    def open(self) -> bool:
        return self.atomic is not None

    def ensure_open(self) -> None:
        if self.open:
            return
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import transaction
        from django.test.utils import override_settings

        with self.blocker.unblock():
            atomic = transaction.atomic()
            # Like the test case's own transactions: a durable block inside is allowed (as it was when
            # each test loaded the demo inside pytest-django's transaction).
            atomic._from_testcase = True
            atomic.__enter__()
            self.atomic = atomic
            try:
                cache.clear()
                # The settings tests/conftest.py gives every unmarked test (the autouse fixtures that set
                # them are function-scoped and run after this session-wide load).
                with override_settings(ACADEMY_IDENTITY_FUNDED_MOMENTS=[], ACADEMY_FUNDED_PERSONAL_DATA_STEP=False):
                    with open(os.devnull, "w") as devnull:
                        call_command("load_demo_data", stdout=devnull)
                cache.clear()
                self.loads += 1
            except BaseException:
                self.close()
                raise

    def close(self) -> None:
        if not self.open:
            return
        from django.db import transaction

        atomic, self.atomic = self.atomic, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


_KEY = pytest.StashKey[SharedDemo]()


def _uses(item) -> bool:
    return item is not None and FIXTURE in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _shared_demo_transaction(request, django_db_setup, django_db_blocker):
    """Session-scoped, so pytest sets it up before pytest-django's per-test transaction."""
    holder = SharedDemo(django_db_blocker)
    request.config.stash[_KEY] = holder
    holder.ensure_open()
    yield holder
    holder.close()
    del request.config.stash[_KEY]


@pytest.fixture
def shared_demo(_shared_demo_transaction, db):
    """The demo site from ``load_demo_data``, loaded once per session; each test's changes are rolled
    back. Returns nothing: read the demo from the database as usual."""
    assert _shared_demo_transaction.open


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any fixture of the test: a test after a run of tests without the demo opens (and loads)
    # it again, before pytest-django's per-test transaction is entered.
    holder = item.config.stash.get(_KEY, None)
    if holder is not None and _uses(item):
        holder.ensure_open()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    holder = item.config.stash.get(_KEY, None)
    if holder is not None and holder.open and not _uses(nextitem):
        holder.close()
    return result


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the tests of the shared demo one after the other, where the first of them stands (pytest-django
    has already put the non-transactional tests first; these are all non-transactional)."""
    users = [item for item in items if _uses(item)]
    if len(users) < 2:
        return
    first = items.index(users[0])
    rest = [item for item in items if not _uses(item)]
    items[:] = rest[:first] + users + rest[first:]
