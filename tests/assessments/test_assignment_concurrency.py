"""Two tabs (or a double click) submitting at once: one submission, submitted once, never a 500."""

import pytest

from assessments.models import AssignmentSubmission
from tests import factories as f
from tests.support.concurrency import post_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_first_submissions_make_one_submission():
    course = f.course_page(f.institute_page(), min_progress_percent=0)
    page = f.assignment_page(course)
    enrolment = f.enrolment(f.course_run(course))
    statuses = post_together(enrolment.user, page.url, [{"action": "submit", "text": f"답안 {n}"} for n in range(8)])

    # One request submitted (a redirect); the others found it submitted and showed why (the page again).
    assert sorted(statuses) == [200] * 7 + [302]
    submission = AssignmentSubmission.objects.get()
    assert submission.state == "submitted" and submission.text.startswith("답안 ")
