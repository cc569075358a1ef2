"""Every response carries a Content-Security-Policy; personal pages are ``private, no-store``.

The public policy runs only the Academy's own files (no inline script or style, no other host);
the Wagtail admin's allows the inline scripts and styles it needs. Personal pages (나의 강의실,
attempts, certificate downloads, the HR area, account pages, the admin) are never kept by a shared
cache, the browser's disk or the anonymous page cache. The browser test
(``tests/e2e/test_browser_csp.py``) shows the policies break no page.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from accounts import services as account_services
from assessments import services as assessment_services
from tests import factories as f

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.fixture
def site():
    institute = f.institute_page(title="국방드론교육원")
    course = f.course_page(institute, "군용드론 정비 실무")
    lesson = f.lesson_page(course, "1차시 기체 점검")
    quiz = f.quiz_page(course, [f.question(f.question_bank(institute, course))], title="최종평가")
    trainee = f.UserFactory(email="trainee@example.com")
    f.enrolment(f.course_run(course), trainee)
    certificate = f.certificate(f.enrolment(f.course_run(course, title="2025년 1차"), trainee, status="completed"))
    certificate.pdf.save("certificate.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    attempt = assessment_services.attempt_start(quiz=quiz, user=trainee)
    organisation = f.OrganisationFactory()
    hr = f.MembershipFactory(organisation=organisation, role="hr").user
    invitation = account_services.organisation_invite(
        organisation=organisation, email=trainee.email, actor=hr, base_url="http://testserver"
    )
    return {
        "course": course,
        "lesson": lesson,
        "trainee": trainee,
        "certificate": certificate,
        "attempt": attempt,
        "hr": hr,
        "invitation": invitation,
        "admin": f.AdminUserFactory(),
    }


# --------------------------------------------------------------------------------------------
# Content-Security-Policy
# --------------------------------------------------------------------------------------------


def assert_public_policy(response) -> None:
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"  # the two agree
    assert directives["img-src"] == ["'self'", "data:"]  # data: for the authenticator's QR code
    for name in ("default-src", "script-src", "style-src", "font-src", "connect-src", "img-src"):
        assert not any(value.startswith(("http", "*")) for value in directives[name]), name  # no CDN


def test_public_pages_run_only_the_academys_own_files(client, site):
    for path in ["/", "/courses/", site["course"].url, "/verify/", "/accounts/login/", "/accounts/signup/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_public_policy(response)


def test_a_trainees_pages_get_the_public_policy(client, site):
    client.force_login(site["trainee"])

    for path in ["/learn/", site["lesson"].url, f"/learn/attempts/{site['attempt'].public_id}/", "/accounts/2fa/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_public_policy(response)


def test_embedded_videos_may_come_only_from_the_players_editors_can_embed(client, site):
    assert policy(client.get("/"))["frame-src"] == ["'self'", "https://www.youtube.com", "https://player.vimeo.com"]


def test_the_admin_gets_inline_scripts_and_styles_and_nothing_else(client, site):
    client.force_login(site["admin"])

    for path in ["/cms/", f"/cms/pages/{site['course'].pk}/edit/", "/cms/snippets/accounts/organisation/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        directives = policy(response)
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["img-src"] == ["'self'", "data:", "blob:"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_a_draft_rendered_inside_the_admin_keeps_the_admin_policy(client, site):
    """Wagtail renders drafts and previews through the middleware again, for the page's public path."""
    client.force_login(site["admin"])

    response = client.get(f"/cms/pages/{site['course'].pk}/view_draft/")

    assert response.status_code == 200
    assert "군용드론 정비 실무" in response.content.decode()
    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_the_preview_panel_may_frame_previews_and_nothing_else_may(client, site):
    client.force_login(site["admin"])

    response = client.get(f"/cms/pages/{site['course'].pk}/edit/preview/?in_preview_panel=true")

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize(
    ("who", "method", "path", "status"),
    [
        (None, "get", "/", 200),  # a Wagtail page
        (None, "get", "/courses/", 200),
        (None, "get", "/healthz", None),  # JSON, 200 or 503
        (None, "get", "/api/v1/certificates/{code}", 200),  # the JSON API
        (None, "get", "/api/v1/certificates/not-a-code", 404),
        (None, "get", "/api/v1/docs", 200),
        (None, "get", "/no-such-page/", 404),
        (None, "get", "/learn/", 302),  # a redirect to the login page
        (None, "get", "/static/css/academy.css", 200),  # a static file
        ("trainee", "get", "/learn/certificates/{certificate}/qr.svg", 200),  # a file
        ("trainee", "get", "/learn/lessons/{lesson}/heartbeat/", 405),
        ("trainee", "post", "/learn/lessons/{lesson}/heartbeat/", 200),  # JSON
        ("admin", "get", "/cms/", 200),
    ],
)
def test_every_kind_of_response_carries_a_policy(client, site, who, method, path, status):
    if who:
        client.force_login(site[who])
    path = path.format(
        code=site["certificate"].code, certificate=site["certificate"].public_id, lesson=site["lesson"].pk
    )

    response = getattr(client, method)(path)

    assert status is None or response.status_code == status
    assert policy(response)["object-src"] == ["'none'"]


def test_a_page_served_from_the_anonymous_cache_carries_the_policy_too(client, site):
    client.get(site["course"].url)

    response = client.get(site["course"].url)

    assert response["X-Academy-Cache"] == "hit"
    assert_public_policy(response)


# --------------------------------------------------------------------------------------------
# Personal pages: Cache-Control: private, no-store
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("trainee", "/learn/"),
        ("trainee", "/learn/attempts/{attempt}/"),
        ("trainee", "/learn/certificates/{certificate}/certificate.pdf"),
        ("trainee", "/learn/certificates/{certificate}/qr.svg"),
        ("trainee", "/learn/certificates/{certificate}/badge.jwt"),
        ("trainee", "/accounts/email/"),
        ("trainee", "/accounts/password/change/"),
        ("trainee", "/accounts/2fa/"),
        ("trainee", "/accounts/organisations/join/{token}/"),
        ("hr", "/hr/"),
        ("hr", "/hr/invite/"),
        ("hr", "/hr/records.csv"),
        ("admin", "/cms/"),
        ("admin", "/cms/account/"),
        (None, "/accounts/login/"),
        (None, "/verify/bulk/"),
        (None, "/learn/"),  # even the redirect to the login page
    ],
)
def test_personal_pages_are_private_and_never_stored(client, site, who, path):
    if who:
        client.force_login(site[who])
    path = path.format(
        attempt=site["attempt"].public_id,
        certificate=site["certificate"].public_id,
        token=site["invitation"].token,
    )

    response = client.get(path)

    assert response.status_code in (200, 302), (path, response.status_code)
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Academy-Cache" not in response


def test_public_pages_are_not_marked_personal(client, site):
    for path in ["/", "/courses/", site["course"].url]:
        assert "no-store" not in client.get(path).get("Cache-Control", ""), path


def test_the_anonymous_page_cache_never_keeps_a_personal_path(client, site):
    with override_settings(ACADEMY_PERSONAL_PATH_PREFIXES=("/courses/",)):
        first = client.get(site["course"].url)
        second = client.get(site["course"].url)

    assert "X-Academy-Cache" not in first and "X-Academy-Cache" not in second
    assert second["Cache-Control"] == "private, no-store"
    assert client.get(site["course"].url)["X-Academy-Cache"] == "miss"  # public again, cached again
