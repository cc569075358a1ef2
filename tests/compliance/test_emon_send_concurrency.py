"""Two senders at once never send one row twice: the rows one holds are skipped by the other
(``select_for_update(skip_locked=True)``), on PostgreSQL."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from compliance.emon.sending import emon_send
from compliance.emon.transport import Answer
from compliance.emon.writers import emon_record_create
from compliance.models import EmonRecord

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class SlowTransport:
    """Answers 200, but the first batch waits until the other sender has run (the barrier)."""

    def __init__(self, barrier=None):
        self.sent: list[int] = []
        self.barrier = barrier
        self.holding = threading.Event()

    def send(self, endpoint, rows):
        self.sent += [row["seq"] for row in rows]
        self.holding.set()
        if self.barrier is not None:
            self.barrier.wait(timeout=30)  # the other sender runs while these rows are locked
            self.barrier = None
        return Answer(code="200")


def test_two_senders_never_send_one_row_twice(settings):
    assert connection.vendor == "postgresql"
    settings.ACADEMY_EMON_BATCH_SIZE = 3
    for n in range(6):
        emon_record_create(endpoint="user_login_hist", payload={"userAgentPk": str(n)})
    started = threading.Barrier(2)
    first = SlowTransport(barrier=started)
    second = SlowTransport()

    def run_first():
        try:
            emon_send(transport=first)
        finally:
            close_old_connections()

    thread = threading.Thread(target=run_first)
    thread.start()
    # wait until the first sender holds its batch, then send beside it
    assert first.holding.wait(timeout=30)
    with transaction.atomic():
        emon_send(transport=second)
    started.wait(timeout=30)
    thread.join(timeout=60)

    assert set(first.sent).isdisjoint(second.sent)
    assert sorted(first.sent + second.sent) == sorted(EmonRecord.objects.values_list("seq", flat=True))
    assert set(EmonRecord.objects.values_list("state", flat=True)) == {"sent"}
