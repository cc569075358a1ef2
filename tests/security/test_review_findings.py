"""The security review of the one permission model (issue 12): each test repeats one request that
found a hole, as institute B's staff, another organisation's HR or a trainee would send it.

Everything of institute A that B must never read carries ``MARK`` in its name.
"""

from __future__ import annotations

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from assessments import services as assessment_services
from assessments.models import Attempt, QuestionBank, ReviewPolicy
from certificates.models import CertificateTemplate
from courses.models import AttendanceSession, CoursePage, Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db

MARK = "ALPHAMARK"


@pytest.fixture
def two():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    alpha_course = f.course_page(alpha, "알파 비행 과정")
    alpha_course.save_revision().publish()
    alpha_draft_course = f.course_page(alpha, f"{MARK} 미공개 과정", live=False)
    alpha_lesson = f.lesson_page(alpha_course, f"{MARK} 미공개 차시", live=False)
    bank = f.question_bank(alpha, alpha_course, title=f"{MARK} 문제은행")
    question = f.question(bank, text=f"{MARK} 배터리 전압은?")
    practical = f.practical_assessment(alpha_course, title=f"{MARK} 비행 실기")
    beta_course = f.course_page(beta, "베타 과정")
    beta_course.save_revision().publish()
    beta_draft_course = f.course_page(beta, "베타 준비 중 과정", live=False)
    beta_lesson = f.lesson_page(beta_course, "베타 1차시")
    beta_bank = f.question_bank(beta, beta_course, title="베타 문제은행")
    return {
        "alpha": alpha,
        "beta": beta,
        "alpha_course": alpha_course,
        "alpha_draft_course": alpha_draft_course,
        "alpha_lesson": alpha_lesson,
        "bank": bank,
        "question": question,
        "practical": practical,
        "beta_course": beta_course,
        "beta_draft_course": beta_draft_course,
        "beta_lesson": beta_lesson,
        "beta_bank": beta_bank,
        "alpha_manager": f.manager_of(alpha),
        "beta_instructor": f.instructor_of(beta),
        "beta_manager": f.manager_of(beta),
    }


# --------------------------------------------------------------------------------------------
# Bulk actions: "select all in listing"
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("model_name", ["questionbank", "question", "practicalassessment"])
def test_select_all_in_a_bulk_action_names_nothing_of_another_institute(client, two, model_name):
    """``?id=all`` used to list every object of the model, A's question texts included, under
    "You don't have permission to delete these"."""
    client.force_login(two["beta_instructor"])

    response = client.get(f"/cms/bulk/assessments/{model_name}/delete/?id=all")

    assert response.status_code in (200, 404)
    assert MARK not in response.content.decode()


def test_select_all_still_selects_the_users_own_objects_and_only_those(client, two):
    client.force_login(two["beta_instructor"])
    url = "/cms/bulk/assessments/questionbank/delete/?id=all"

    shown = client.get(url)
    assert shown.status_code == 200
    assert "베타 문제은행" in shown.content.decode()

    client.post(url)

    assert not QuestionBank.objects.filter(pk=two["beta_bank"].pk).exists()
    assert QuestionBank.objects.filter(pk=two["bank"].pk).exists()


def test_select_all_below_another_institutes_page_is_refused(client, two):
    """``?id=all&childOf=<A's course>`` used to list A's pages below it, drafts included."""
    client.force_login(two["beta_manager"])

    for action in ("delete", "unpublish", "move"):
        response = client.get(f"/cms/bulk/wagtailcore/page/{action}/?id=all&childOf={two['alpha_course'].pk}")
        assert response.status_code == 404, action
        assert MARK not in response.content.decode()

    own = client.get(f"/cms/bulk/wagtailcore/page/delete/?id=all&childOf={two['beta_course'].pk}")
    assert own.status_code == 200
    assert "베타 1차시" in own.content.decode()


# --------------------------------------------------------------------------------------------
# The page chooser
# --------------------------------------------------------------------------------------------


def test_the_page_chooser_does_not_open_on_another_institutes_draft(client, two):
    """``/cms/choose-page/<A's draft>/`` showed the draft's title (the chooser is open to all staff)."""
    client.force_login(two["beta_instructor"])

    draft = client.get(f"/cms/choose-page/{two['alpha_draft_course'].pk}/")

    assert draft.status_code == 403
    assert MARK not in draft.content.decode()
    assert client.get(f"/cms/choose-page/{two['alpha_course'].pk}/").status_code == 200  # live: for links
    assert client.get(f"/cms/choose-page/{two['beta_draft_course'].pk}/").status_code == 200  # B's own draft


# --------------------------------------------------------------------------------------------
# Course forms: instructors and prerequisites
# --------------------------------------------------------------------------------------------


def _course_form(client, course, **changes):
    html = client.get(f"/cms/pages/{course.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(nested_form_data({"overview": streamfield([]), "overview_en": streamfield([]), **changes}))
    return data


def test_a_course_cannot_name_someone_outside_its_institute_as_instructor(client, two):
    """B's instructor typed any account's id (or e-mail) as a course instructor and read the
    person's real name in the preview (ids are sequential: every trainee's name)."""
    trainee = f.UserFactory(name_ko="홍길동교육생")
    client.force_login(two["beta_instructor"])
    course = two["beta_course"]
    for person in (str(trainee.pk), two["alpha_manager"].email):
        data = _course_form(client, course, instructor_links=inline_formset([{"user": person, "role": "강사"}]))

        preview = client.post(f"/cms/pages/{course.pk}/edit/preview/", data)
        assert json.loads(preview.content)["is_valid"] is False, person
        assert "홍길동교육생" not in client.get(f"/cms/pages/{course.pk}/edit/preview/").content.decode()
        assert client.post(f"/cms/pages/{course.pk}/edit/", data).status_code == 200  # refused, with the error

    assert not course.get_latest_revision().content.get("instructor_links")

    own = _course_form(
        client, course, instructor_links=inline_formset([{"user": two["beta_manager"].email, "role": "책임강사"}])
    )
    assert client.post(f"/cms/pages/{course.pk}/edit/", own).status_code == 302
    saved = CoursePage.objects.get(pk=course.pk).get_latest_revision().content["instructor_links"]
    assert [link["user"] for link in saved] == [two["beta_manager"].pk]


def test_a_prerequisite_is_a_published_course_or_one_of_the_institutes_own(client, two):
    """The chooser hid A's draft course, but the form accepted its id: B's public course page then
    named A's unpublished course and linked to it."""
    client.force_login(two["beta_instructor"])
    course = two["beta_course"]

    data = _course_form(
        client, course, prerequisite_links=inline_formset([{"prerequisite": two["alpha_draft_course"].pk}])
    )
    assert json.loads(client.post(f"/cms/pages/{course.pk}/edit/preview/", data).content)["is_valid"] is False
    assert MARK not in client.get(f"/cms/pages/{course.pk}/edit/preview/").content.decode()
    assert client.post(f"/cms/pages/{course.pk}/edit/", data).status_code == 200

    for prerequisite in (two["alpha_course"], two["beta_draft_course"]):  # A's live course, B's own draft
        data = _course_form(client, course, prerequisite_links=inline_formset([{"prerequisite": prerequisite.pk}]))
        assert client.post(f"/cms/pages/{course.pk}/edit/", data).status_code == 302, prerequisite


def test_a_lesson_cannot_link_to_another_institutes_draft(client, two):
    """A rich-text link to A's unpublished page rendered its address (the slug of an unannounced
    course) to B's trainees; the chooser never offered it, the form took its id."""
    client.force_login(two["beta_instructor"])
    lesson = two["beta_lesson"]

    def body_linking(page):
        html = f'<p><a linktype="page" id="{page.pk}">참고</a></p>'
        return streamfield([("paragraph", rich_text(html, features=["link"]))])

    html = client.get(f"/cms/pages/{lesson.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [k for k in data if k.startswith("body-")]:
        del data[key]
    data.update(nested_form_data({"body_en": streamfield([])}))  # the English body, left empty
    refused = data.copy()
    refused.update(nested_form_data({"body": body_linking(two["alpha_draft_course"])}))
    assert client.post(f"/cms/pages/{lesson.pk}/edit/", refused).status_code == 200
    assert not lesson.revisions.exists()  # nothing saved

    accepted = data.copy()
    accepted.update(nested_form_data({"body": body_linking(two["alpha_course"])}))
    assert client.post(f"/cms/pages/{lesson.pk}/edit/", accepted).status_code == 302


# --------------------------------------------------------------------------------------------
# Site history written before InstituteLogEntry
# --------------------------------------------------------------------------------------------


def test_history_logged_before_the_institute_log_is_read_by_its_own_institute_only(client, two):
    """Entries Wagtail wrote to ``ModelLogEntry`` before the institute log existed (every existing
    site has them) showed A's question texts to every institute's staff, who hold the assessments
    model permissions. The migrations move them to the institute log, stamped with A."""
    template = CertificateTemplate.objects.create(institute=two["alpha"], name=f"{MARK} 수료증 양식")
    run = f.course_run(two["alpha_course"])
    certificate = f.certificate(f.enrolment(run, status=Enrolment.Status.COMPLETED), holder_name_ko=f"{MARK}교육생")
    for obj in (two["bank"], two["question"], two["practical"], template, certificate):
        ModelLogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            label=str(obj),
            action="wagtail.edit",
            timestamp=timezone.now(),
            user=two["alpha_manager"],
        )

    importlib.import_module("assessments.migrations.0004_move_history_to_institute_log").forwards(apps, None)
    importlib.import_module("certificates.migrations.0005_move_history_to_institute_log").forwards(apps, None)

    for role in ("beta_instructor", "beta_manager"):
        client.force_login(two[role])
        assert MARK not in client.get("/cms/reports/site-history/").content.decode(), role
    client.force_login(two["alpha_manager"])
    history = client.get("/cms/reports/site-history/").content.decode()
    for obj in (two["bank"], two["question"], two["practical"], template, certificate):
        assert str(obj) in history
    assert not ModelLogEntry.objects.filter(label__contains=MARK).exists()


# --------------------------------------------------------------------------------------------
# Quizzes
# --------------------------------------------------------------------------------------------


def test_the_answer_key_stays_hidden_while_another_quiz_with_the_same_question_can_be_started(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    course.save_revision().publish()
    bank = f.question_bank(institute, course)
    shared = f.question(bank, text="배터리 셀 수는?", feedback="KEYFEEDBACK 6셀입니다")
    practice = f.quiz_page(course, [shared], max_attempts=1, review_policy=ReviewPolicy.AFTER_SUBMIT)
    final = f.quiz_page(course, [shared], max_attempts=2, review_policy=ReviewPolicy.AFTER_SUBMIT)
    for quiz in (practice, final):
        quiz.save_revision().publish()
    trainee = f.enrolment(f.course_run(course)).user
    attempt = assessment_services.attempt_start(quiz=practice, user=trainee)
    assessment_services.attempt_submit(attempt=attempt, raw_answers={})
    client.force_login(trainee)

    review = client.get(f"/learn/attempts/{attempt.public_id}/review/")

    assert review.status_code == 200
    client.post(f"/learn/quizzes/{final.pk}/start/")
    assert Attempt.objects.filter(quiz=final, user=trainee).exists()  # the final can still be taken
    assert "KEYFEEDBACK" not in review.content.decode()
    assert "다른 평가" in review.content.decode()  # the trainee is told why

    # Once the final can no longer be started, the practice review shows the key.
    final_attempt = Attempt.objects.get(quiz=final, user=trainee)
    assessment_services.attempt_submit(attempt=final_attempt, raw_answers={})
    second = assessment_services.attempt_start(quiz=final, user=trainee)
    assessment_services.attempt_submit(attempt=second, raw_answers={})
    assert "KEYFEEDBACK" in client.get(f"/learn/attempts/{attempt.public_id}/review/").content.decode()


def test_a_quiz_drawing_from_the_bank_withholds_the_key_of_its_questions(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    bank = f.question_bank(institute, course)
    shared = f.question(bank, text="모터 KV 값은?", feedback="KEYFEEDBACK2 920KV", category="동력")
    other = f.question(bank, text="프로펠러 규격은?", feedback="KEYFEEDBACK3 10인치", category="기체")
    practice = f.quiz_page(course, [shared, other], max_attempts=1, review_policy=ReviewPolicy.AFTER_SUBMIT)
    final = f.quiz_page(course, [], draw_bank=bank, draw_category="동력", max_attempts=1)
    for page in (practice, final):
        page.save_revision().publish()
    trainee = f.enrolment(f.course_run(course)).user
    attempt = assessment_services.attempt_start(quiz=practice, user=trainee)
    assessment_services.attempt_submit(attempt=attempt, raw_answers={})
    client.force_login(trainee)

    text = client.get(f"/learn/attempts/{attempt.public_id}/review/").content.decode()

    assert "KEYFEEDBACK2" not in text  # the final draws it ("동력")
    assert "KEYFEEDBACK3" in text  # the final never asks this one


# --------------------------------------------------------------------------------------------
# Malformed ids
# --------------------------------------------------------------------------------------------


# Revoking API key "abc": tests/home/test_bad_input.py (a 400 with the message).


def test_attendance_and_grading_by_a_malformed_id_are_404s(client, two):
    run = f.course_run(two["beta_course"])
    AttendanceSession.objects.create(run=run, title="1회차", starts_at=timezone.now())
    f.enrolment(run, status=Enrolment.Status.ACTIVE)
    practical = f.practical_assessment(two["beta_course"])
    client.force_login(two["beta_instructor"])

    attendance = client.post(f"/cms/academy/runs/{run.pk}/attendance/", {"session": "abc"})
    grading = client.post(f"/cms/assessments/runs/{run.pk}/practical/{practical.pk}/", {"enrolment": "abc"})

    assert attendance.status_code == 404
    assert grading.status_code == 404


# --------------------------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------------------------


def test_the_gradebook_export_neutralises_a_formula_in_an_assessment_title(client, two):
    """Column headers carry quiz and practical titles, written by any instructor of the institute."""
    run = f.course_run(two["beta_course"])
    f.enrolment(run)
    quiz = f.quiz_page(two["beta_course"], title='=HYPERLINK("http://evil.example","성적")')
    quiz.save_revision().publish()
    client.force_login(two["beta_manager"])

    response = client.post(f"/cms/assessments/runs/{run.pk}/gradebook/", {"format": "csv", "reason": "성적 확인"})

    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert "'=HYPERLINK(" in header
    assert ',"=HYPERLINK(' not in header


def test_an_administrator_cannot_mix_two_institutes_through_an_inline_row(client, two):
    """The forms' own check never read inline rows (a cluster form validates them after ``clean``),
    so only the limited choice lists held, and administrators are offered everything: A's quiz
    took B's question as a fixed question."""
    beta_question = f.question(two["beta_bank"], text="베타 문제")
    quiz = f.quiz_page(two["alpha_course"], title="알파 평가")
    quiz.save_revision().publish()
    client.force_login(f.AdminUserFactory())
    html = client.get(f"/cms/pages/{quiz.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(nested_form_data({"quiz_questions": inline_formset([{"question": beta_question.pk}])}))

    response = client.post(f"/cms/pages/{quiz.pk}/edit/", data)

    assert response.status_code == 200
    assert "다른 교육기관" in response.content.decode()
    assert not quiz.get_latest_revision().content.get("quiz_questions")
