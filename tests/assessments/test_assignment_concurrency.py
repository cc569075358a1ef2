"""Two tabs (or a double click) submitting at once: one submission, submitted once, never a 500."""

import threading

import pytest
from django.db import close_old_connections
from django.test import Client

from assessments.models import AssignmentSubmission
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_first_submissions_make_one_submission():
    course = f.course_page(f.institute_page(), min_progress_percent=0)
    page = f.assignment_page(course)
    enrolment = f.enrolment(f.course_run(course))
    barrier = threading.Barrier(8)
    statuses = []

    def submit(n):
        try:
            client = Client()
            client.force_login(enrolment.user)
            barrier.wait(timeout=30)
            statuses.append(client.post(page.url, {"action": "submit", "text": f"답안 {n}"}).status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    # One request submitted (a redirect); the others found it submitted and showed why (the page again).
    assert sorted(statuses) == [200] * 7 + [302]
    submission = AssignmentSubmission.objects.get()
    assert submission.state == "submitted" and submission.text.startswith("답안 ")
