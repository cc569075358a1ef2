"""Issuance: the pending row in the completion transaction, the PDF after commit, exactly once."""

import datetime

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates import codes, services
from certificates.models import Certificate, CertificateEvent
from certificates.status import Status, certificate_status
from courses import services as course_services
from courses.models import Enrolment
from tests import factories

from .conftest import complete

pytestmark = pytest.mark.django_db


def test_completion_writes_a_pending_certificate_with_a_code_and_a_snapshot(run, trainee, course, institute):
    enrolment = factories.enrolment(run, user=trainee)

    complete(enrolment)  # on-commit callbacks are not run here: the task has not run yet

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.state == Certificate.State.PENDING
    assert certificate_status(certificate) == Status.PENDING
    assert codes.parse(certificate.code) == certificate.code
    assert (certificate.holder_name_ko, certificate.holder_name_en) == ("김하늘", "Haneul Kim")
    assert (certificate.course_title_ko, certificate.course_title_en) == (
        "드론 비행안전 실무",
        "Drone Flight Safety in Practice",
    )
    assert (certificate.institute_name_ko, certificate.institute_name_en) == (
        "국방드론교육원",
        "Defense Drone Institute",
    )
    assert certificate.study_hours == 16
    assert certificate.completed_on == timezone.localdate(enrolment.completed_at)
    assert not certificate.pdf and not certificate.sha256


def test_after_commit_the_task_renders_issues_and_emails_it(issue, trainee):
    certificate = issue()

    assert certificate.state == Certificate.State.ISSUED
    assert certificate_status(certificate) == Status.VALID
    assert certificate.issued_on is not None
    assert certificate.pdf.name.startswith("certificates/")
    assert "images/" not in certificate.pdf.name
    with default_storage.open(certificate.pdf.name, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    import hashlib

    assert certificate.sha256 == hashlib.sha256(data).hexdigest()
    issued_mail = [m for m in mail.outbox if certificate.code in m.body]
    assert len(issued_mail) == 1
    assert issued_mail[0].to == [trainee.email]
    assert f"http://testserver/verify/{certificate.code}/" in issued_mail[0].body
    assert list(certificate.events.values_list("kind", flat=True)) == ["created", "issued"]


def test_validity_comes_from_the_course_before_the_template(issue, course, template):
    course.certificate_validity_months = 6
    course.save()

    certificate = issue()

    from certificates.status import expiry_date

    assert certificate.expires_on == expiry_date(certificate.completed_on, 6)


def test_template_validity_applies_when_the_course_sets_none(issue, template):
    certificate = issue()

    from certificates.status import expiry_date

    assert certificate.expires_on == expiry_date(certificate.completed_on, template.validity_months)


def test_no_expiry_when_neither_sets_a_validity(issue, template):
    template.validity_months = None
    template.save()

    assert issue().expires_on is None


def test_rendering_again_changes_nothing(issue):
    certificate = issue()
    mails = len(mail.outbox)

    assert services.certificate_render(certificate_id=certificate.pk) is False

    again = Certificate.objects.get(pk=certificate.pk)
    assert (again.sha256, again.pdf.name, again.state) == (certificate.sha256, certificate.pdf.name, "issued")
    assert len(mail.outbox) == mails
    assert again.events.filter(kind=CertificateEvent.Kind.ISSUED).count() == 1


def test_completing_again_never_makes_a_second_certificate(run, trainee, django_capture_on_commit_callbacks):
    enrolment = factories.enrolment(run, user=trainee)
    with django_capture_on_commit_callbacks(execute=True):
        complete(enrolment)
        course_services.enrolment_evaluate_completion(enrolment=enrolment)
        services.certificate_create_for_enrolment(enrolment=enrolment)

    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_the_database_allows_one_certificate_per_enrolment(issue):
    certificate = issue()

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrolment=certificate.enrolment,
            code=codes.generate(),
            holder_name_ko="x",
            course_title_ko="x",
            institute_name_ko="x",
            study_hours=1,
            completed_on=certificate.completed_on,
        )


def test_a_rolled_back_completion_leaves_no_certificate_and_no_task(run, trainee, django_capture_on_commit_callbacks):
    enrolment = factories.enrolment(run, user=trainee)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            complete(enrolment)
            assert Certificate.objects.filter(enrolment=enrolment).exists()
            raise RuntimeError("something later in the same transaction failed")

    assert not Certificate.objects.filter(enrolment=enrolment).exists()
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE
    assert callbacks == []


def test_a_broker_that_is_down_does_not_fail_the_completion(
    run, trainee, django_capture_on_commit_callbacks, monkeypatch
):
    from certificates.tasks import certificate_render_task

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("Redis is away")

    monkeypatch.setattr(certificate_render_task, "apply_async", broker_down)
    enrolment = factories.enrolment(run, user=trainee)

    with django_capture_on_commit_callbacks(execute=True):
        complete(enrolment)

    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED
    assert Certificate.objects.get(enrolment=enrolment).state == Certificate.State.PENDING


def test_the_sweeper_issues_what_waits_too_long_and_only_that(run, trainee):
    old = complete(factories.enrolment(run, user=trainee)).certificate
    fresh = complete(factories.enrolment(run)).certificate
    Certificate.objects.filter(pk=old.pk).update(
        render_requested_at=old.render_requested_at - datetime.timedelta(minutes=10)
    )

    swept = services.certificates_sweep()

    assert swept == [old.pk]
    assert Certificate.objects.get(pk=old.pk).state == Certificate.State.ISSUED  # eager task ran
    assert Certificate.objects.get(pk=fresh.pk).state == Certificate.State.PENDING
    assert services.certificates_sweep() == []


def test_a_missing_image_is_an_error_recorded_on_the_certificate(run, trainee, template, monkeypatch):
    from certificates import selectors
    from certificates.pdf import CertificateDocument

    original = selectors.certificate_document

    def with_missing_logo(certificate, **kwargs):
        document = original(certificate, **kwargs)
        return CertificateDocument(**{**document.__dict__, "logo": "original_images/gone.png"})

    monkeypatch.setattr(selectors, "certificate_document", with_missing_logo)
    certificate = complete(factories.enrolment(run, user=trainee)).certificate

    with pytest.raises(services.CertificateRenderError):
        services.certificate_render(certificate_id=certificate.pk)

    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.PENDING
    assert "gone.png" in certificate.render_error
    assert certificate.render_attempts == 1


def test_only_a_completed_enrolment_gets_a_certificate(run, trainee):
    enrolment = factories.enrolment(run, user=trainee)

    with pytest.raises(services.CertificateError):
        services.certificate_create_for_enrolment(enrolment=enrolment)

    assert not Certificate.objects.filter(enrolment=enrolment).exists()


def test_system_check_warns_when_fonts_are_subset_without_harfbuzz(monkeypatch):
    from certificates import checks, pdf

    assert checks.certificate_pdf_check(None) == []
    monkeypatch.setattr(pdf, "subsetting_backend", lambda: "fonttools")

    assert [problem.id for problem in checks.certificate_pdf_check(None)] == ["certificates.W001"]


def test_the_render_task_takes_an_id_acknowledges_late_and_retries_transient_errors_with_backoff(monkeypatch):
    from celery.exceptions import Retry
    from django.db import OperationalError

    from certificates import tasks

    task = tasks.certificate_render_task
    assert task.acks_late and task.reject_on_worker_lost
    assert OperationalError in task.autoretry_for and OSError in task.autoretry_for
    assert task.retry_backoff and task.retry_jitter and task.max_retries >= 5
    calls = []

    def failing(*, certificate_id):
        calls.append(certificate_id)
        raise OperationalError("the database went away")

    monkeypatch.setattr(services, "certificate_render", failing)
    with pytest.raises(Retry):
        task.apply(args=(42,), throw=True)
    assert calls == [42]

    def broken(*, certificate_id):
        raise services.CertificateRenderError("a missing image")

    monkeypatch.setattr(services, "certificate_render", broken)
    with pytest.raises(services.CertificateRenderError):  # not transient: no retry, the sweeper's limit applies
        task.apply(args=(42,), throw=True)
