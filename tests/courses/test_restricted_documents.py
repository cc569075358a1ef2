"""Restricted documents: labels on the document form, stamped per request, logged (DOMAIN-KR §3.3 F3.7).

Acceptance: two users' copies of the same PDF differ; the watermark text decodes to the access-log
event id; anonymous people and other institutes' trainees are refused; there is no direct media URL.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader
from wagtail.documents import get_document_model

from common.pdf import html_to_pdf
from courses import labels, protection
from courses.models import DocumentLabel, LessonPage, RestrictedAttestation, Sensitivity
from courses.presenters import restricted_watermark
from courses.protection import Refusal, restricted_access_log, watermark_event_id
from ops.models import AuditEvent
from tests import factories as f

pytestmark = pytest.mark.django_db

Document = get_document_model()


def two_page_pdf() -> bytes:
    return html_to_pdf(
        "<html><body><p>비행제어 SW 보안 개요 1쪽</p><p style='page-break-before: always'>2쪽</p></body></html>"
    )


@pytest.fixture
def no_conditions(monkeypatch):
    """The conditions belong to other apps (vetted access); here every one holds unless a test adds one."""
    monkeypatch.setattr(protection, "_conditions", [])


@pytest.fixture
def world(no_conditions):
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    document = Document.objects.create(
        title="비행제어 보안 개요",
        file=ContentFile(two_page_pdf(), name="flight-control.pdf"),
        collection=alpha.collection,
    )
    DocumentLabel.objects.create(document=document, sensitivity=Sensitivity.RESTRICTED)
    course = f.course_page(alpha, "제한 과정", sensitivity=Sensitivity.RESTRICTED)
    lesson = f.lesson_page(
        course,
        "1차시",
        sensitivity=Sensitivity.RESTRICTED,
        body=[{"type": "document", "value": {"document": document.pk, "title": "개요"}}],
    )
    run = f.course_run(course)
    beta_course = f.course_page(beta, "베타 과정")
    return {
        "alpha": alpha,
        "document": document,
        "course": course,
        "lesson": lesson,
        "trainee": f.enrolment(run).user,
        "second": f.enrolment(run).user,
        "beta_trainee": f.enrolment(f.course_run(beta_course)).user,
        "instructor": f.instructor_of(alpha),
    }


def fetch(client, user, document):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_two_users_get_different_copies_and_each_decodes_to_its_render_event(client, world):
    first = fetch(client, world["trainee"], world["document"])
    second = fetch(client, world["second"], world["document"])

    assert first.status_code == second.status_code == 200
    assert body(first) != body(second)
    for response, user in ((first, world["trainee"]), (second, world["second"])):
        texts = page_texts(body(response))
        assert len(texts) == 2
        codes = {re.search(r"#([0-9A-Z]+)", text).group(1) for text in texts}
        assert len(codes) == 1  # the same mark on every page
        event = AuditEvent.objects.get(pk=watermark_event_id(codes.pop()))
        assert event.action == "restricted.render"
        assert event.actor == user
        assert event.object_id == str(world["document"].pk)
        assert event.data["result"] == "allowed"
        assert event.data["course"] == world["course"].pk
        assert str(event.pk) == response["X-Academy-Access-Event"]


def test_the_stamped_copy_is_inline_and_never_cached(client, world):
    response = fetch(client, world["trainee"], world["document"])

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Cache-Control"] == "private, no-store"
    assert "비행제어 SW 보안 개요" in page_texts(body(response))[0]


def test_each_attempt_is_logged_as_download_and_the_copy_as_render(client, world):
    fetch(client, world["trainee"], world["document"])

    actions = list(
        AuditEvent.objects.filter(object_id=str(world["document"].pk), action__startswith="restricted.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["restricted.download", "restricted.render"]


def test_anonymous_is_sent_to_login_and_logged(client, world):
    response = fetch(client, None, world["document"])

    assert response.status_code == 302
    assert "login" in response["Location"]
    event = AuditEvent.objects.get(action="restricted.download")
    assert event.data["result"] == "refused:access"
    assert event.actor is None


def test_another_institutes_trainee_is_refused_and_logged(client, world):
    response = fetch(client, world["beta_trainee"], world["document"])

    assert response.status_code == 403
    event = AuditEvent.objects.get(action="restricted.download")
    assert event.actor == world["beta_trainee"]
    assert event.data["result"] == "refused:access"
    assert not AuditEvent.objects.filter(action="restricted.render").exists()


def test_a_missing_condition_gives_its_403_page_and_is_logged(client, world, monkeypatch):
    def pledge(*, user, course, now):
        return Refusal(key="pledge", title="서약서 필요", message="기술보호 서약서에 서명하세요.")

    protection.register_condition("pledge", pledge, order=40)

    response = fetch(client, world["trainee"], world["document"])

    assert response.status_code == 403
    assert response["X-Academy-Refusal"] == "pledge"
    assert response["Cache-Control"] == "private, no-store"
    assert "서약서 필요" in response.content.decode()
    event = AuditEvent.objects.get(action="restricted.download")
    assert event.data["result"] == "refused:pledge"
    assert not AuditEvent.objects.filter(action="restricted.render").exists()


def test_the_institutes_own_staff_get_the_stamped_copy_too(client, world):
    response = fetch(client, world["instructor"], world["document"])

    assert response.status_code == 200
    code = re.search(r"#([0-9A-Z]+)", page_texts(body(response))[0]).group(1)
    event = AuditEvent.objects.get(pk=watermark_event_id(code))
    assert event.actor == world["instructor"]
    assert event.data["owner"] is True


def test_a_public_pdf_used_by_a_restricted_lesson_is_restricted_too(client, world):
    DocumentLabel.objects.filter(document=world["document"]).delete()
    assert labels.document_sensitivity(world["document"]) == Sensitivity.RESTRICTED

    response = fetch(client, world["trainee"], world["document"])

    assert response["Content-Disposition"].startswith("inline")
    assert AuditEvent.objects.filter(action="restricted.render").count() == 1


def test_a_public_document_of_a_public_course_is_served_as_before(client, no_conditions):
    alpha = f.institute_page()
    document = Document.objects.create(
        title="공개 자료", file=ContentFile(b"%PDF-1.4 open", name="open.pdf"), collection=alpha.collection
    )
    course = f.course_page(alpha)
    f.lesson_page(course, body=[{"type": "document", "value": {"document": document.pk, "title": "자료"}}])
    trainee = f.enrolment(f.course_run(course)).user

    response = fetch(client, trainee, document)

    assert body(response) == b"%PDF-1.4 open"
    assert not AuditEvent.objects.filter(action__startswith="restricted.").exists()


def test_no_direct_media_url_serves_documents(client, world):
    name = world["document"].file.name
    assert name.startswith("documents/")
    client.force_login(world["trainee"])

    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404


def test_the_nginx_config_proxies_everything_and_serves_no_files():
    config = (Path(settings.BASE_DIR) / "deploy" / "nginx.conf").read_text()
    directives = [line.split("#", 1)[0] for line in config.splitlines()]
    code = "\n".join(directives)
    assert not re.search(r"(^|[{;])\s*(root|alias)\s", code, re.M)  # no file serving at all
    assert "/media" not in code and "documents" not in code
    assert re.findall(r"location\s+(\S+)", code) == ["/", "/", "/"]


# -- the document form ----------------------------------------------------------------------------


def edit_document(client, user, document, **fields):
    client.force_login(user)
    data = {"title": document.title, "collection": str(document.collection_id), "tags": "", **fields}
    return client.post(f"/cms/documents/edit/{document.pk}/", data)


def test_document_form_needs_the_attestation_to_label_a_pdf_restricted(client, no_conditions):
    alpha = f.institute_page()
    instructor = f.instructor_of(alpha)
    document = Document.objects.create(
        title="자료", file=ContentFile(two_page_pdf(), name="a.pdf"), collection=alpha.collection
    )

    refused = edit_document(client, instructor, document, sensitivity="restricted")
    assert refused.status_code == 200
    assert not DocumentLabel.objects.exists()

    saved = edit_document(
        client, instructor, document, sensitivity="restricted", restricted_attestation="on", restricted_reference="R-1"
    )
    assert saved.status_code == 302
    assert DocumentLabel.objects.get(document=document).sensitivity == Sensitivity.RESTRICTED
    record = RestrictedAttestation.objects.get()
    assert (record.by, record.reference, record.text_version) == (instructor, "R-1", labels.ATTESTATION_VERSION)
    event = AuditEvent.objects.get(action="courses.restricted_attestation")
    assert event.actor == instructor and event.object_id == str(document.pk)

    lowered = edit_document(client, instructor, document, sensitivity="public")  # only a manager lowers it
    assert lowered.status_code == 200 and DocumentLabel.objects.exists()
    assert edit_document(client, f.manager_of(alpha), document, sensitivity="public").status_code == 302
    assert not DocumentLabel.objects.exists()
    change = AuditEvent.objects.filter(action="courses.document_label_changed").latest("pk")
    assert change.data == {"from": "restricted", "to": "public"}


def test_what_cannot_be_stamped_is_not_accepted_as_restricted(client, no_conditions):
    alpha = f.institute_page()
    instructor = f.instructor_of(alpha)
    client.force_login(instructor)

    response = client.post(
        "/cms/documents/add/",
        {
            "title": "매뉴얼",
            "collection": str(alpha.collection_id),
            "tags": "",
            "file": SimpleUploadedFile("manual.docx", b"PK\x03\x04 docx"),
            "sensitivity": "restricted",
            "restricted_attestation": "on",
        },
    )

    assert response.status_code == 200
    assert "PDF" in response.content.decode()
    assert not Document.objects.filter(title="매뉴얼").exists()


def test_a_restricted_pdf_upload_is_labelled_and_attested(client, no_conditions):
    alpha = f.institute_page()
    instructor = f.instructor_of(alpha)
    client.force_login(instructor)

    response = client.post(
        "/cms/documents/add/",
        {
            "title": "보안 개요",
            "collection": str(alpha.collection_id),
            "tags": "",
            "file": SimpleUploadedFile("overview.pdf", two_page_pdf()),
            "sensitivity": "restricted",
            "restricted_attestation": "on",
        },
    )

    assert response.status_code == 302
    document = Document.objects.get(title="보안 개요")
    assert document.label.sensitivity == Sensitivity.RESTRICTED
    assert labels.attestation_on_record(document).by == instructor


# -- the lesson's watermark overlay -------------------------------------------------------------------


def test_lesson_and_its_videos_show_the_watermark_the_view_passes(client, world, monkeypatch):
    video = Document.objects.create(
        title="비행 영상",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="flight.mp4"),
        collection=world["alpha"].collection,
    )
    lesson = world["lesson"]
    lesson.body = [
        {"type": "paragraph", "value": "<p>본문</p>"},
        {"type": "video", "value": {"file": video.pk, "embed": "", "caption": "영상", "transcript": ""}},
    ]
    labels.attest(obj=lesson, user=world["instructor"])
    lesson.save_revision().publish()
    user = world["trainee"]
    original = LessonPage.get_context
    marks = {}

    def with_watermark(self, request, *args, **kwargs):
        context = original(self, request, *args, **kwargs)
        event = restricted_access_log(
            user=request.user, action="view", obj=self, result="allowed", course=world["course"]
        )
        marks["event"] = event
        context["watermark"] = restricted_watermark(request, self, event)
        return context

    monkeypatch.setattr(LessonPage, "get_context", with_watermark)
    client.force_login(user)

    html = client.get(lesson.url).content.decode()

    mark = protection.watermark_text(user=user, event=marks["event"], now=marks["event"].at)
    code = mark.rsplit("#", 1)[1]
    assert watermark_event_id(code) == marks["event"].pk
    assert html.count('class="watermark"') == 2  # over the lesson and over the video
    assert f"#{code}" in html
    assert re.search(r'class="watermarked watermarked--video">.*?<video', html, re.S)
    assert "style=" not in html.split('class="watermark"')[1][:200]  # CSS file only (the CSP)


def test_a_public_lesson_shows_no_overlay_and_a_restricted_one_names_its_view_event(client, world):
    client.force_login(world["trainee"])
    public_course = f.course_page(world["alpha"], "공개 과정")
    public_lesson = f.lesson_page(public_course, "공개 차시")
    f.enrolment(f.course_run(public_course), world["trainee"])

    assert 'class="watermark"' not in client.get(public_lesson.url).content.decode()

    html = client.get(world["lesson"].url).content.decode()  # the view passes its "view" entry's mark
    event = AuditEvent.objects.filter(action="restricted.view", object_id=str(world["lesson"].pk)).latest("pk")
    assert 'class="watermark"' in html
    assert f"#{protection.watermark_text(user=world['trainee'], event=event, now=event.at).rsplit('#', 1)[1]}" in html


def test_a_restricted_lesson_of_a_public_course_restricts_its_documents(client, no_conditions):
    alpha = f.institute_page()
    document = Document.objects.create(
        title="정비 자료", file=ContentFile(two_page_pdf(), name="m.pdf"), collection=alpha.collection
    )
    course = f.course_page(alpha)
    lesson = f.lesson_page(
        course,
        sensitivity=Sensitivity.RESTRICTED,
        body=[{"type": "document", "value": {"document": document.pk, "title": "자료"}}],
    )
    trainee = f.enrolment(f.course_run(course)).user

    assert labels.document_courses(document, restricted_only=True) == [(course, lesson)]
    response = fetch(client, trainee, document)

    assert response["Content-Disposition"].startswith("inline")
    assert AuditEvent.objects.get(action="restricted.render").data["course"] == course.pk


def test_a_file_that_cannot_carry_the_watermark_is_not_served_when_a_restricted_lesson_uses_it(client, world):
    docx = Document.objects.create(
        title="매뉴얼", file=ContentFile(b"PK\x03\x04 docx", name="manual.docx"), collection=world["alpha"].collection
    )
    lesson = world["lesson"]
    lesson.body = [{"type": "document", "value": {"document": docx.pk, "title": "매뉴얼"}}]
    labels.attest(obj=lesson, user=world["instructor"])
    lesson.save_revision().publish()

    response = fetch(client, world["trainee"], docx)

    assert response.status_code == 403
    assert response["X-Academy-Refusal"] == "unstampable"
    assert AuditEvent.objects.get(action="restricted.render").data["result"] == "refused:unstampable"


def test_a_new_lesson_of_a_restricted_course_starts_restricted(client, world):
    client.force_login(world["instructor"])

    html = client.get(f"/cms/pages/add/courses/lessonpage/{world['course'].pk}/").content.decode()

    assert re.search(r'<option value="restricted"\s+selected', html)


# -- the security review's findings ------------------------------------------------------------


def test_a_superuser_needs_a_logged_reason_for_a_restricted_document_like_for_a_lesson(client, world, rf):
    admin = f.AdminUserFactory()

    def pledge(*, user, course, now):
        return Refusal(key="pledge", title="서약서 필요", message="기술보호 서약서에 서명하세요.")

    protection.register_condition("pledge", pledge, order=40)
    refused = fetch(client, admin, world["document"])
    assert refused.status_code == 403 and refused["X-Academy-Refusal"] == "pledge"
    assert "/reason/" in refused.context["refusal"].url  # the reason form, not the stamped copy

    session = client.session
    request = rf.get("/")
    request.user, request.session = admin, session
    protection.superuser_reason_give(
        request, course=world["course"], reason="실태조사 대응 자료 확인", now=timezone.now()
    )
    session.save()
    opened = client.get(world["document"].url)
    assert opened.status_code == 200
    event = AuditEvent.objects.filter(action="restricted.download", data__result="allowed").latest("pk")
    assert event.data["basis"] == "superuser" and event.reason == "실태조사 대응 자료 확인"
    assert "owner" not in event.data


def test_a_restricted_document_no_course_uses_opens_only_for_its_institutes_staff(client, world):
    loose = Document.objects.create(
        title="미사용 자료", file=ContentFile(two_page_pdf(), name="loose.pdf"), collection=world["alpha"].collection
    )
    DocumentLabel.objects.create(document=loose, sensitivity=Sensitivity.RESTRICTED)
    assert fetch(client, world["trainee"], loose).status_code == 403  # the library's own refusal
    refused = fetch(client, f.AdminUserFactory(), loose)  # the library lets administrators open everything
    assert refused.status_code == 403 and refused["X-Academy-Refusal"] == "unassigned"
    assert fetch(client, world["instructor"], loose).status_code == 200
    public_folder = Document.objects.create(title="루트 자료", file=ContentFile(two_page_pdf(), name="root.pdf"))
    DocumentLabel.objects.create(document=public_folder, sensitivity=Sensitivity.RESTRICTED)
    client.logout()
    anonymous = client.get(public_folder.url)  # outside every institute: refused, never a 500
    assert anonymous.status_code == 403 and anonymous["X-Academy-Refusal"] == "unassigned"


def test_a_document_used_by_two_courses_asks_the_conditions_of_both(client, world):
    """The strictest rule: a trainee of the second course does not skip the first course's conditions."""
    other = f.course_page(world["alpha"], "다른 제한 과정", sensitivity=Sensitivity.RESTRICTED)
    f.lesson_page(
        other,
        "1차시",
        sensitivity=Sensitivity.RESTRICTED,
        body=[{"type": "document", "value": {"document": world["document"].pk, "title": "개요"}}],
    )
    newcomer = f.enrolment(f.course_run(other)).user

    def approval_for_the_first_course_only(*, user, course, now):
        if course.pk == world["course"].pk and user.pk == newcomer.pk:
            return Refusal(key="nationality", title="수출허가 필요", message="이 과정의 승인이 없습니다.")
        return None

    protection.register_condition("nationality", approval_for_the_first_course_only, order=20)
    response = fetch(client, newcomer, world["document"])
    assert response.status_code == 403 and response["X-Academy-Refusal"] == "nationality"
