"""Seats hold under concurrent requests on PostgreSQL: never more active enrolments than seats."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_parallel_enrol_requests_never_exceed_capacity():
    assert connection.vendor == "postgresql"
    run = f.course_run(f.course_page(f.institute_page()), capacity=5)
    users = [f.UserFactory() for _ in range(24)]
    barrier = threading.Barrier(len(users))
    statuses = []

    def request_seat(user):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            response = client.post(f"/learn/runs/{run.public_id}/enrol/")
            statuses.append(response.status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=request_seat, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == [302] * len(users)
    counts = {status: Enrolment.objects.filter(run=run, status=status).count() for status in ("active", "waitlisted")}
    assert counts == {"active": 5, "waitlisted": 19}
    positions = list(
        Enrolment.objects.filter(run=run, status="waitlisted")
        .order_by("waitlisted_at")
        .values_list("waitlisted_at", flat=True)
    )
    assert len(set(positions)) == 19  # a strict order for promotion


def test_parallel_approvals_never_exceed_capacity():
    institute = f.institute_page()
    run = f.course_run(f.course_page(institute, enrolment_policy="approval"), capacity=3)
    manager = f.manager_of(institute)
    requests = [f.enrolment(run, status="pending") for _ in range(10)]
    barrier = threading.Barrier(len(requests))

    def approve(enrolment):
        from courses import services

        try:
            barrier.wait(timeout=30)
            services.enrolment_approve(enrolment=enrolment, actor=manager)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=approve, args=(e,)) for e in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert Enrolment.objects.filter(run=run, status="active").count() == 3
    assert Enrolment.objects.filter(run=run, status="waitlisted").count() == 7
