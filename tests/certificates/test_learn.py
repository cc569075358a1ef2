"""나의 강의실: the trainee's certificates with download, share link and QR code; nobody else's."""

import io

import pytest
import segno
from django.core.files.storage import default_storage

from certificates import services
from tests import factories

pytestmark = pytest.mark.django_db


def test_learn_shows_the_certificate_with_share_link_qr_and_downloads(client, issue, trainee):
    certificate = issue()
    client.force_login(trainee)

    page = client.get("/learn/").content.decode()

    assert certificate.code in page
    assert f"http://testserver/verify/{certificate.code}/" in page
    assert f"/learn/certificates/{certificate.public_id}/certificate.pdf" in page
    assert f"/learn/certificates/{certificate.public_id}/qr.svg" in page
    assert f"/learn/certificates/{certificate.public_id}/badge.jwt" in page


def test_the_holder_downloads_the_stored_pdf(client, issue, trainee):
    certificate = issue()
    client.force_login(trainee)

    response = client.get(f"/learn/certificates/{certificate.public_id}/certificate.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.code in response["Content-Disposition"]
    with default_storage.open(certificate.pdf.name, "rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()


@pytest.mark.parametrize("path", ["certificate.pdf", "qr.svg", "badge.jwt"])
def test_anyone_else_gets_a_404(client, issue, institute, path):
    certificate = issue()
    url = f"/learn/certificates/{certificate.public_id}/{path}"

    for someone in (factories.UserFactory(), factories.manager_of(institute)):
        client.force_login(someone)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_the_qr_code_svg_encodes_the_verification_url(client, issue, trainee):
    certificate = issue()
    client.force_login(trainee)

    response = client.get(f"/learn/certificates/{certificate.public_id}/qr.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    expected = io.BytesIO()
    segno.make(f"http://testserver/verify/{certificate.code}/", error="m").save(expected, kind="svg", scale=4, border=2)
    assert response.content == expected.getvalue()


def test_pending_and_revoked_certificates_show_their_state_without_download(client, run, trainee, institute):
    from .conftest import complete

    pending = complete(factories.enrolment(run, user=trainee)).certificate
    other_course = factories.course_page(institute, min_progress_percent=0)
    revoked = complete(factories.enrolment(factories.course_run(other_course), user=trainee)).certificate
    services.certificate_render(certificate_id=revoked.pk)
    services.certificate_revoke(certificate=revoked, actor=factories.manager_of(institute), reason="부정 수강")
    client.force_login(trainee)

    page = client.get("/learn/").content.decode()

    assert pending.code in page and revoked.code in page
    assert "부정 수강" in page
    assert f"/learn/certificates/{pending.public_id}/certificate.pdf" not in page
    assert f"/learn/certificates/{revoked.public_id}/certificate.pdf" not in page
    assert client.get(f"/learn/certificates/{revoked.public_id}/certificate.pdf").status_code == 404
    assert client.get(f"/learn/certificates/{pending.public_id}/certificate.pdf").status_code == 404


def test_learn_query_count_does_not_grow_with_certificates(client, trainee, institute):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import complete

    def add_certificate():
        course = factories.course_page(institute, min_progress_percent=0)
        complete(factories.enrolment(factories.course_run(course), user=trainee))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/learn/").status_code == 200
        return len(queries)

    client.force_login(trainee)
    add_certificate()
    client.get("/learn/")
    one = count()
    for _ in range(4):
        add_certificate()
    client.get("/learn/")  # new pages: a new generation of cached routes and site, warmed again

    assert count() == one
