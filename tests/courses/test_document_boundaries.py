"""Protected documents open for their own institute only, and forms accept only the institute's own things.

The security review's attack: B's instructor saves a *draft* lesson whose document block names
A's document, then B (and B's trainees) download it. Two defences, each tested: the form refuses
the reference, and the download rule counts only *live* lessons of the document's *own* institute.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, streamfield

from assessments.models import QuizPage
from certificates.models import CertificateTemplate
from tests import factories as f
from tests.courses.test_permission_matrix import _png

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    document = get_document_model().objects.create(
        title="알파 정비 매뉴얼",
        file=ContentFile(b"%PDF-1.4 alpha secret", name="alpha.pdf"),
        collection=alpha.collection,
    )
    alpha_course = f.course_page(alpha, "알파 과정")
    beta_course = f.course_page(beta, "베타 과정")
    beta_lesson = f.lesson_page(beta_course, "베타 1차시")
    beta_lesson.save_revision().publish()
    beta_trainee = f.enrolment(f.course_run(beta_course)).user
    alpha_trainee = f.enrolment(f.course_run(alpha_course)).user
    return {
        "alpha": alpha,
        "beta": beta,
        "document": document,
        "alpha_course": alpha_course,
        "beta_course": beta_course,
        "beta_lesson": beta_lesson,
        "beta_trainee": beta_trainee,
        "alpha_trainee": alpha_trainee,
        "beta_instructor": f.instructor_of(beta),
        "alpha_instructor": f.instructor_of(alpha),
    }


def download(client, user, document):
    client.force_login(user)
    return client.get(document.url)


def document_block(document):
    return ("document", {"document": document.pk, "title": "매뉴얼"})


def test_a_draft_naming_another_institutes_document_opens_it_for_nobody(client, two):
    """Even a draft saved around the form (as the old code allowed) gives B no way in."""
    lesson = two["beta_lesson"]
    lesson.body = [{"type": "document", "value": {"document": two["document"].pk, "title": "매뉴얼"}}]
    lesson.save_revision()  # a draft of B's lesson naming A's document
    lesson.save_revision().publish()  # and even published in B's course

    for who in ("beta_instructor", "beta_trainee"):
        assert download(client, two[who], two["document"]).status_code == 403, who


def test_only_live_lessons_of_the_documents_institute_open_it_for_trainees(client, two):
    lesson = f.lesson_page(two["alpha_course"], "알파 2차시", live=False)
    lesson.body = [{"type": "document", "value": {"document": two["document"].pk, "title": "매뉴얼"}}]
    lesson.save_revision()  # a draft only

    assert download(client, two["alpha_trainee"], two["document"]).status_code == 403

    lesson.get_latest_revision().publish()

    response = download(client, two["alpha_trainee"], two["document"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 alpha secret"
    assert download(client, two["beta_trainee"], two["document"]).status_code == 403
    assert download(client, two["alpha_instructor"], two["document"]).status_code == 200


def _page_form(client, page, **changes):
    html = client.get(f"/cms/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [k for k in data if k.startswith("body-")]:
        del data[key]
    # Stream fields are drawn by the admin's JavaScript, so the HTML holds none of their inputs:
    # every stream field the test does not set is posted empty (e.g. the English body).
    from wagtail.fields import StreamField

    for field in type(page.specific)._meta.get_fields():
        if isinstance(field, StreamField) and field.name not in changes and f"{field.name}-count" not in data:
            changes[field.name] = streamfield([])
    data.update(nested_form_data(changes))
    return data


def test_the_lesson_form_refuses_another_institutes_document(client, two):
    client.force_login(two["beta_instructor"])
    lesson = two["beta_lesson"]
    data = _page_form(client, lesson, body=streamfield([document_block(two["document"])]))

    response = client.post(f"/cms/pages/{lesson.pk}/edit/", data)

    assert response.status_code == 200
    assert "소속 교육기관의 문서만 사용할 수 있습니다" in response.content.decode()
    lesson.refresh_from_db()
    assert "document" not in str(lesson.get_latest_revision().content.get("body"))  # nothing saved


def test_the_lesson_form_accepts_the_institutes_own_document(client, two):
    own = get_document_model().objects.create(
        title="베타 점검표", file=ContentFile(b"%PDF-1.4 beta", name="beta.pdf"), collection=two["beta"].collection
    )
    client.force_login(two["beta_instructor"])
    lesson = two["beta_lesson"]
    data = _page_form(client, lesson, body=streamfield([document_block(own)]))

    response = client.post(f"/cms/pages/{lesson.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert f'"document": {own.pk}' in str(lesson.get_latest_revision().content["body"]).replace("'", '"')


def test_a_quiz_accepts_only_its_own_institutes_bank_and_questions(client, two):
    alpha_bank = f.question_bank(two["alpha"], title="알파 문제은행")
    alpha_question = f.question(alpha_bank, text="알파 문제")
    quiz = f.quiz_page(two["beta_course"], title="베타 평가")
    quiz.save_revision().publish()
    client.force_login(two["beta_instructor"])
    html = client.get(f"/cms/pages/{quiz.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["draw_bank"] = str(alpha_bank.pk)
    data.update(nested_form_data({"quiz_questions": inline_formset([{"question": alpha_question.pk}])}))

    response = client.post(f"/cms/pages/{quiz.pk}/edit/", data)

    assert response.status_code == 200
    quiz.refresh_from_db()
    assert quiz.draw_bank_id is None
    assert not quiz.get_latest_revision().content.get("draw_bank")
    assert "선택할 수 없는 항목" in response.content.decode() or "올바르게 선택해" in response.content.decode()
    assert "알파 문제" not in client.get(f"/cms/pages/{quiz.pk}/edit/").content.decode()


def test_an_administrator_cannot_mix_two_institutes_in_one_quiz(client, two):
    beta_bank = f.question_bank(two["beta"], title="베타 문제은행")
    quiz = f.quiz_page(two["alpha_course"], title="알파 평가")
    quiz.save_revision().publish()
    client.force_login(f.AdminUserFactory())
    html = client.get(f"/cms/pages/{quiz.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data["draw_bank"] = str(beta_bank.pk)

    response = client.post(f"/cms/pages/{quiz.pk}/edit/", data)

    assert response.status_code == 200
    assert "다른 교육기관" in response.content.decode()
    assert QuizPage.objects.get(pk=quiz.pk).draw_bank_id is None


def test_a_certificate_template_accepts_only_its_institutes_images(client, two):
    alpha_seal = get_image_model().objects.create(title="알파 직인", file=_png(), collection=two["alpha"].collection)
    beta_seal = get_image_model().objects.create(title="베타 직인", file=_png(), collection=two["beta"].collection)
    manager = f.manager_of(two["beta"])
    client.force_login(manager)
    html = client.get("/cms/certificate_templates/new/").content.decode()
    data = querydict_from_html(html, form_id="w-editor-form")
    data.update(
        {"institute": str(two["beta"].pk), "name": "베타 양식", "seal": str(alpha_seal.pk), "validity_months": "24"}
    )

    refused = client.post("/cms/certificate_templates/new/", data)

    assert refused.status_code == 200
    assert not CertificateTemplate.objects.filter(name="베타 양식").exists()

    data["seal"] = str(beta_seal.pk)
    accepted = client.post("/cms/certificate_templates/new/", data)
    assert accepted.status_code == 302, accepted.content.decode()[:2000]
    assert CertificateTemplate.objects.get(name="베타 양식").seal == beta_seal
