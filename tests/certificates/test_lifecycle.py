"""Reissue and revocation: a manager's actions, with the code unchanged for ever."""

import pytest
from django.core.files.storage import default_storage

from certificates import services
from certificates.models import Certificate, CertificateEvent, SupersededPdf
from certificates.status import Status, certificate_status
from tests import factories

pytestmark = pytest.mark.django_db


def test_reissue_keeps_the_code_makes_a_new_pdf_and_keeps_the_old_fingerprint(
    issue, institute, trainee, django_capture_on_commit_callbacks
):
    certificate = issue()
    old_sha, old_name = certificate.sha256, certificate.pdf.name
    manager = factories.manager_of(institute)
    trainee.name_en = "Ha-neul Kim"
    trainee.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_reissue(certificate=certificate, actor=manager, reason="영문 성명 정정")

    certificate.refresh_from_db()
    assert certificate.code == Certificate.objects.get(pk=certificate.pk).code
    assert certificate.holder_name_en == "Ha-neul Kim"
    assert certificate.sha256 and certificate.sha256 != old_sha
    assert certificate.pdf.name != old_name
    assert certificate_status(certificate) == Status.VALID
    superseded = SupersededPdf.objects.get(certificate=certificate)
    assert (superseded.sha256, superseded.pdf, superseded.revision) == (old_sha, old_name, 1)
    assert default_storage.exists(old_name)
    assert list(certificate.events.values_list("kind", flat=True)) == [
        "created",
        "issued",
        "reissue_requested",
        "reissued",
    ]
    assert certificate.events.get(kind="reissue_requested").reason == "영문 성명 정정"


def test_the_certificate_stays_valid_while_its_new_pdf_is_made(issue, institute):
    certificate = issue()

    services.certificate_reissue(certificate=certificate, actor=factories.manager_of(institute))

    certificate.refresh_from_db()
    assert certificate_status(certificate) == Status.VALID
    assert certificate.pdf_revision < certificate.revision
    assert Certificate.objects.needs_rendering().filter(pk=certificate.pk).exists()


def test_a_manager_revokes_with_a_reason(issue, institute):
    certificate = issue()
    manager = factories.manager_of(institute)

    services.certificate_revoke(certificate=certificate, actor=manager, reason="부정 수강 확인")

    certificate.refresh_from_db()
    assert certificate_status(certificate) == Status.REVOKED
    assert (certificate.revocation_reason, certificate.revoked_by) == ("부정 수강 확인", manager)
    assert certificate.revoked_at is not None
    assert certificate.events.filter(kind=CertificateEvent.Kind.REVOKED, actor=manager).exists()


def test_revocation_needs_a_reason(issue, institute):
    certificate = issue()

    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, actor=factories.manager_of(institute), reason="  ")

    assert Certificate.objects.get(pk=certificate.pk).state == Certificate.State.ISSUED


@pytest.mark.parametrize("who", ["instructor", "other_manager", "trainee"])
def test_only_a_manager_of_the_institute_may_revoke_or_reissue(issue, institute, trainee, who):
    certificate = issue()
    actor = {
        "instructor": lambda: factories.instructor_of(institute),
        "other_manager": lambda: factories.manager_of(factories.institute_page()),
        "trainee": lambda: trainee,
    }[who]()

    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, actor=actor, reason="x")
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=certificate, actor=actor)

    assert Certificate.objects.get(pk=certificate.pk).state == Certificate.State.ISSUED


def test_a_revoked_certificate_is_never_rendered_or_reissued(run, trainee, institute):
    from .conftest import complete

    certificate = complete(factories.enrolment(run, user=trainee)).certificate
    manager = factories.manager_of(institute)
    services.certificate_revoke(certificate=certificate, actor=manager, reason="발급 오류")

    assert services.certificate_render(certificate_id=certificate.pk) is False
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=certificate, actor=manager)
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.REVOKED and not certificate.sha256
    assert certificate.code  # the code is never blanked


def test_a_reissue_during_rendering_wins_over_the_older_render(issue, institute, monkeypatch):
    """A render that finishes after a newer reissue request stores nothing; the newer task does."""
    certificate = issue()
    manager = factories.manager_of(institute)
    from certificates import selectors

    original = selectors.certificate_document

    def reissue_meanwhile(cert, **kwargs):
        document = original(cert, **kwargs)
        Certificate.objects.filter(pk=cert.pk).update(revision=cert.revision + 1)
        return document

    services.certificate_reissue(certificate=certificate, actor=manager)
    monkeypatch.setattr(selectors, "certificate_document", reissue_meanwhile)

    assert services.certificate_render(certificate_id=certificate.pk) is False
    certificate.refresh_from_db()
    assert certificate.pdf_revision == 1 and certificate.revision == 3
