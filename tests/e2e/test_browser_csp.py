"""In Chromium: no page of the Academy breaks its Content-Security-Policy.

The browser reports every refused script, style, picture, frame or form target as a
``securitypolicyviolation`` event (listened for from before any page script runs) and as a console
message (which also catches a refused frame). The test walks the demo site as an anonymous visitor,
a trainee (lesson with its heartbeat, a quiz attempt with its timer and autosave, the authenticator
QR code), HR and an administrator (page editing with the preview panel and an image chooser,
snippet editing with its choosers, image upload, the organisation screen and its invite action),
and fails listing every violation by URL. It leaves screenshots of the organisation screen in
``var/screenshots/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image as PILImage

from accounts import services as account_services
from accounts.models import Organisation, User
from assessments.models import QuestionBank, QuizPage
from certificates.models import Certificate
from courses.models import CoursePage, InstitutePage, LessonPage
from home.demo.people import DEFAULT_DEMO_PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || "inline"}` +
    ` (${(event.sample || "").slice(0, 60)}) at ${event.sourceFile}:${event.lineNumber}`);
});
"""


class Visitor:
    """One browser context (one person), collecting policy violations page by page."""

    def __init__(self, browser, base_url: str, *, language: str = "ko"):
        self.base = base_url
        self.context = browser.new_context(
            locale="ko-KR" if language == "ko" else "en-US", viewport={"width": 1366, "height": 900}
        )
        self.context.add_cookies([{"name": "academy_language", "value": language, "url": base_url}])
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        self.violations: dict[str, list[str]] = {}
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.setdefault(self.page.url, []).append(message.text)

    def collect(self) -> None:
        for frame in self.page.frames:
            try:
                found = frame.evaluate("window.__cspViolations || []")
            except Exception:  # a frame that navigated away meanwhile  # noqa: S112
                continue
            if found:
                self.violations.setdefault(frame.url, []).extend(found)

    def visit(self, path: str, *, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == status, f"{path}: {response and response.status}"
        self.page.wait_for_load_state("networkidle")
        self.collect()

    def log_in(self, email: str) -> None:
        self.page.goto(f"{self.base}/accounts/login/")
        self.page.locator("input[name=login]").fill(email)
        self.page.locator("input[name=password]").fill(DEFAULT_DEMO_PASSWORD)
        self.page.locator("main form button[type=submit]").click()
        self.page.wait_for_load_state("networkidle")
        self.collect()

    def close(self) -> None:
        self.collect()
        self.context.close()


def _walk(visitors: list[Visitor], browser, base: str, tmp_path) -> None:
    """Every kind of page, as each kind of person; each visitor is kept in ``visitors`` as it starts."""
    institute = InstitutePage.objects.live().first()
    course = CoursePage.objects.get(slug="flight-safety-aviation-law")
    lesson = LessonPage.objects.live().descendant_of(course).first()
    quiz = QuizPage.objects.child_of(course).get()
    certificate = Certificate.objects.filter(state="issued").first()
    organisation = Organisation.objects.get()
    bank = QuestionBank.objects.first()
    question = bank.questions.first()
    edited_lesson = LessonPage.objects.live().first()

    # Anyone: the public site, verification, sign-in pages, the API's documentation, a 404.
    anonymous = Visitor(browser, base)
    visitors.append(anonymous)
    for path in ["/", "/courses/", "/courses/?q=드론", institute.url, course.url, "/verify/", "/verify/pdf/"]:
        anonymous.visit(path)
    for path in [f"/verify/{certificate.code}/", "/verify/bulk/", "/accounts/login/", "/accounts/signup/"]:
        anonymous.visit(path)
    anonymous.visit("/accounts/password/reset/")
    anonymous.visit("/api/v1/docs")
    anonymous.page.wait_for_selector("#swagger-ui .info")
    anonymous.visit("/no-such-page/", status=404)

    # A trainee: 나의 강의실, a lesson (its heartbeat runs), a quiz attempt (timer and autosave).
    trainee = Visitor(browser, base)
    visitors.append(trainee)
    trainee.log_in("trainee@example.com")
    trainee.visit("/learn/")
    with trainee.page.expect_response(re.compile(r".*/heartbeat/$")) as heartbeat:
        trainee.visit(lesson.url)
    assert heartbeat.value.status == 200
    trainee.visit(quiz.url)
    trainee.page.locator("main form[action$='/start/'] button, main a[href*='/learn/attempts/']").first.click()
    trainee.page.wait_for_url(re.compile(r".*/learn/attempts/[^/]+/$"))
    with trainee.page.expect_response(re.compile(r".*/answer/$")) as autosave:
        # The questions' order is shuffled per attempt: pick a choice, whatever question comes first.
        trainee.page.locator(
            "fieldset[data-question] input[type=radio], fieldset[data-question] input[type=checkbox]"
        ).first.check()
    assert autosave.value.status == 200
    assert trainee.page.locator("[data-timer-display]").inner_text() != ""
    trainee.collect()
    # Adding an authenticator app: allauth asks for the password again, then shows a QR code.
    trainee.visit("/accounts/2fa/totp/activate/")
    if "reauthenticate" in trainee.page.url:
        trainee.page.locator("input[name=password]").fill(DEFAULT_DEMO_PASSWORD)
        trainee.page.locator("main form button[type=submit]").click()
        trainee.page.wait_for_url(re.compile(r".*/totp/activate/.*"))
        trainee.page.wait_for_load_state("networkidle")
    qr = trainee.page.locator("main img").first
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0"), "the QR code did not load"
    trainee.collect()

    # HR of the demo organisation.
    hr = Visitor(browser, base)
    visitors.append(hr)
    hr.log_in("hr@example.com")
    for path in ["/hr/", "/hr/invite/", "/hr/enrol/", "/hr/api-keys/"]:
        hr.visit(path)

    # The administrator: Wagtail's admin, and the public site with the userbar.
    admin = Visitor(browser, base)
    visitors.append(admin)
    admin.log_in("admin@example.com")
    admin.visit(course.url)
    admin.page.locator("#wagtail-userbar-trigger").click()
    admin.collect()
    for path in ["/cms/", "/cms/pages/", f"/cms/pages/{course.pk}/edit/", "/cms/images/", "/cms/reports/site-history/"]:
        admin.visit(path)
    # Page editing: the preview panel renders the page in a frame, and the image chooser opens.
    admin.visit(f"/cms/pages/{edited_lesson.pk}/edit/")
    with admin.page.expect_event("framenavigated", lambda frame: "/preview/" in frame.url) as preview:
        admin.page.locator("[data-side-panel-toggle='preview']").first.click()
    preview.value.wait_for_load_state()
    assert preview.value.locator("main").count() == 1, "the preview panel shows no page"
    admin.collect()
    admin.page.locator(
        "[data-streamfield-stream-container] button[title='Insert a block'], .c-sf-add-button"
    ).first.click()
    admin.page.get_by_role("option", name="이미지").first.click()
    admin.page.locator("[data-chooser-action-choose]:visible").last.click()
    admin.page.locator(".modal img").first.wait_for()
    admin.collect()
    # Snippets with choosers, and the image upload form (pictures shown from blob: URLs).
    admin.visit(f"/cms/snippets/assessments/question/edit/{question.pk}/")
    admin.visit(f"/cms/snippets/assessments/questionbank/edit/{bank.pk}/")
    admin.visit("/cms/images/multiple/add/")
    picture = tmp_path / "drone.png"
    PILImage.new("RGB", (64, 48), (30, 90, 160)).save(picture)
    admin.page.locator("input[type=file]").set_input_files(str(picture))
    admin.page.locator("#upload-list .thumb img, #upload-list .thumb canvas").first.wait_for(state="attached")
    admin.page.wait_for_load_state("networkidle")
    admin.collect()
    # The organisation screen: members read-only, the invite action.
    admin.visit(f"/cms/snippets/accounts/organisation/edit/{organisation.pk}/")
    admin.visit(f"/cms/snippets/accounts/organisation/invite/{organisation.pk}/")


def test_no_page_breaks_the_content_security_policy(live_server, browser, tmp_path):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    visitors: list[Visitor] = []
    try:
        _walk(visitors, browser, live_server.url, tmp_path)
    except Exception as error:  # report what the browser refused before the walk broke
        failure = repr(error)[:2000]
    else:
        failure = None

    for visitor in visitors:
        visitor.close()
    found = {url: messages for visitor in visitors for url, messages in visitor.violations.items()}
    report = "\n".join(f"{url}\n  " + "\n  ".join(messages) for url, messages in found.items())
    assert not found and failure is None, f"Content-Security-Policy violations:\n{report}\n\nWalk: {failure}"


def test_screenshots_of_the_organisation_screen(live_server, browser):
    """The admin's organisation screen at desktop size, in English and Korean, for people to look at."""
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    organisation = Organisation.objects.get()
    account_services.organisation_invite(  # one invitation waiting for an answer, to show that list too
        organisation=organisation,
        email="new.hr@hanbit-drone.example.kr",
        role="hr",
        actor=User.objects.get(email="admin@example.com"),
        base_url=live_server.url,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language in ("en", "ko"):
        admin = Visitor(browser, live_server.url, language=language)
        admin.log_in("admin@example.com")
        admin.visit(f"/cms/snippets/accounts/organisation/edit/{organisation.pk}/")
        admin.page.screenshot(path=SCREENSHOTS / f"admin-organisation-edit-{language}.png")
        admin.page.locator(".academy-members table").last.scroll_into_view_if_needed()
        admin.page.screenshot(path=SCREENSHOTS / f"admin-organisation-members-{language}.png")
        admin.visit(f"/cms/snippets/accounts/organisation/invite/{organisation.pk}/")
        admin.page.screenshot(path=SCREENSHOTS / f"admin-organisation-invite-{language}.png")
        admin.close()
        assert not admin.violations, admin.violations
