"""The screenshot tour: every key page of the Academy at desktop (1366×900) and phone (390×844)
size, written to var/screenshots/<page>-<size>.png so anyone can look at them (README, "Screenshots").

One live server and one browser for the whole tour, on the demo data. Public and trainee pages are
also checked with axe-core (no serious or critical violation). Run it alone with
``bin/test tests/e2e/test_screenshot_tour.py``.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from assessments import services as assessment_services
from assessments.models import Attempt, QuizPage
from certificates.models import Certificate
from courses.models import CoursePage
from home.demo import learning
from home.demo.people import DEFAULT_DEMO_PASSWORD
from tests.support.browser import SIZES, assert_accessible, log_in, new_page, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def demo_places() -> dict:
    """What the tour visits, from the demo data: the trainee's course under way, a lesson they
    have not finished, a quiz attempt in progress, a submitted attempt, a certificate."""
    trainee = User.objects.get(email="trainee@example.com")
    course = CoursePage.objects.get(slug=learning.STUDYING)
    lessons = list(course.lessons())
    quiz = QuizPage.objects.live().descendant_of(course).first()
    open_attempt = assessment_services.attempt_start(quiz=quiz, user=trainee) if quiz else None
    done_attempt = Attempt.objects.filter(user=trainee, state=Attempt.State.SUBMITTED).order_by("pk").first()
    certificate = (
        Certificate.objects.filter(enrolment__user=trainee, state=Certificate.State.ISSUED).order_by("pk").first()
    )
    return {
        "trainee": trainee,
        "hr": User.objects.get(email="hr@example.com"),
        "admin": User.objects.get(email="admin@example.com"),
        "course": course.url,
        "lesson": lessons[min(2, len(lessons) - 1)].url,
        "attempt": reverse("assessments:attempt", args=[open_attempt.public_id]) if open_attempt else None,
        "review": reverse("assessments:review", args=[done_attempt.public_id]) if done_attempt else None,
        "certificate": certificate.code if certificate else None,
    }


def visit(page, url: str, name: str, *, check: bool = True) -> None:
    """Open ``url``, save its screenshot; for public and trainee pages (``check``) run axe-core and
    make sure nothing pushes the page sideways on a phone."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    if check:
        assert_accessible(page)
        sideways = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert sideways <= 0, f"{name} scrolls sideways by {sideways} px"


def log_in_by_form(page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("이메일").fill(email)
    page.get_by_label("비밀번호").fill(DEFAULT_DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_load_state("networkidle")


def test_screenshot_tour(live_server, browser):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    places = demo_places()
    base = live_server.url

    for size in SIZES:
        # Anyone
        page = new_page(browser, size)
        visit(page, f"{base}/", "home")
        visit(page, f"{base}/courses/", "catalog")
        visit(page, f"{base}{places['course']}", "course-anonymous")
        visit(page, f"{base}/verify/", "verify-form")
        if places["certificate"]:
            visit(page, f"{base}/verify/{places['certificate']}/", "verify-result")
        visit(page, f"{base}/accounts/signup/", "signup")
        visit(page, f"{base}/accounts/login/", "login")
        page.context.close()

        # The demo trainee
        page = new_page(browser, size)
        log_in(page, base, places["trainee"])
        visit(page, f"{base}{places['course']}", "course")
        visit(page, f"{base}{places['lesson']}", "lesson")
        if places["attempt"]:
            visit(page, f"{base}{places['attempt']}", "quiz-attempt")
        if places["review"]:
            visit(page, f"{base}{places['review']}", "quiz-review")
        visit(page, f"{base}/learn/", "learn")
        page.context.close()

        # Two-step login set-up (allauth asks for the password again before adding an authenticator)
        page = new_page(browser, size)
        log_in_by_form(page, base, "trainee@example.com")
        page.goto(f"{base}/accounts/2fa/totp/activate/")
        if "/reauthenticate/" in page.url:
            page.get_by_label("비밀번호").fill(DEFAULT_DEMO_PASSWORD)
            page.get_by_role("button", name="확인").click()
            page.wait_for_load_state("networkidle")
        screenshot(page, "mfa-setup")
        page.context.close()

        # HR and the Wagtail admin
        page = new_page(browser, size)
        log_in(page, base, places["hr"])
        visit(page, f"{base}/hr/", "hr", check=False)
        visit(page, f"{base}/hr/overview/", "hr-overview", check=False)
        page.context.close()
        page = new_page(browser, size)
        log_in(page, base, places["admin"])
        visit(page, f"{base}/cms/", "admin-dashboard", check=False)
        page.context.close()
