"""Shared set-up for the certificate tests: a course whose enrolments complete for real."""

from __future__ import annotations

import pytest

from certificates.models import CertificateSignatory, CertificateTemplate
from courses import services as course_services
from tests import factories


@pytest.fixture
def institute():
    return factories.institute_page(title="국방드론교육원", title_en="Defense Drone Institute")


@pytest.fixture
def template(institute):
    certificate_template = CertificateTemplate.objects.create(institute=institute, name="표준 2026", validity_months=24)
    CertificateSignatory.objects.create(
        template=certificate_template, name_ko="홍원장", name_en="Wonjang Hong", title_ko="원장", title_en="President"
    )
    return certificate_template


@pytest.fixture
def course(institute, template):
    return factories.course_page(
        institute,
        title="드론 비행안전 실무",
        title_en="Drone Flight Safety in Practice",
        study_hours=16,
        min_progress_percent=0,
        certificate_template=template,
    )


@pytest.fixture
def run(course):
    return factories.course_run(course)


@pytest.fixture
def trainee():
    return factories.UserFactory(name_ko="김하늘", name_en="Haneul Kim", email="haneul@example.com")


def complete(enrolment):
    """Let the completion rule complete the enrolment, as the course services do."""
    assert course_services.enrolment_evaluate_completion(enrolment=enrolment)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def issue(run, trainee, django_capture_on_commit_callbacks):
    """Complete an enrolment and run what happens after commit (the eager render task)."""

    def _issue(user=None):
        enrolment = factories.enrolment(run, user=user or trainee)
        with django_capture_on_commit_callbacks(execute=True):
            complete(enrolment)
        return enrolment.certificate.__class__.objects.get(enrolment=enrolment)

    return _issue
