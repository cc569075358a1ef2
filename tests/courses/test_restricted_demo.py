"""The demo's restricted course: attested by the demo instructor, approved by the demo manager through
the review workflow, with one restricted PDF in its lesson; loading twice changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from courses.labels import attestation_on_record, document_courses, document_sensitivity
from courses.models import CoursePage, DocumentLabel, LessonPage, RestrictedAttestation, Sensitivity
from home.demo_restricted_labels import SLUG, TITLE

pytestmark = pytest.mark.django_db


def test_the_demo_restricted_course_is_attested_approved_and_idempotent(shared_demo):
    course = CoursePage.objects.get(slug=SLUG)
    assert course.title == TITLE
    assert course.live and course.sensitivity == Sensitivity.RESTRICTED
    lesson = LessonPage.objects.child_of(course).get()
    assert lesson.live
    assert attestation_on_record(course).by.email == "instructor@example.com"
    assert attestation_on_record(lesson).by.email == "instructor@example.com"
    approved = WorkflowState.objects.filter(object_id=str(course.pk), status=WorkflowState.STATUS_APPROVED).get()
    assert approved.current_task_state.finished_by.email == "manager@example.com"
    label = DocumentLabel.objects.get(sensitivity=Sensitivity.RESTRICTED)
    assert document_sensitivity(label.document) == Sensitivity.RESTRICTED
    assert [(c.pk, page.pk) for c, page in document_courses(label.document)] == [(course.pk, lesson.pk)]
    count = RestrictedAttestation.objects.count()

    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert RestrictedAttestation.objects.count() == count == 3
    assert CoursePage.objects.filter(slug=SLUG).count() == 1
