"""The demo's restricted course (DOMAIN-KR §3.3 F3.1, F3.7): "제한 과정: 드론 비행제어 SW 보안 개요" in
the first institute, labelled restricted, attested by the demo instructor (course, lesson and its
PDF), submitted to the institute's review workflow and approved (published) by the demo manager.
Its lesson holds one restricted PDF, which opens stamped with the viewer's watermark for those who
meet the restricted conditions (the vetted-access demo adds the organisation and the pledge).
Idempotent: an existing course is left as it is."""

from __future__ import annotations

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from accounts.models import User
from common.pdf import html_to_pdf
from courses.labels import attest, attestation_on_record
from courses.models import CourseInstructor, CoursePage, DocumentLabel, InstitutePage, LessonPage, Sensitivity

from .demo import catalog, content

SLUG = "restricted-flight-control-sw"
TITLE = "제한 과정: 드론 비행제어 SW 보안 개요"
DOCUMENT_TITLE = "비행제어 SW 보안 개요 (제한)"


def _pdf() -> bytes:
    return html_to_pdf(
        "<html lang='ko'><head><style>@font-face { font-family: 'M'; src: url('/static/fonts/NanumMyeongjo.ttf'); }"
        "body { font-family: 'M'; font-size: 12pt; }</style></head><body>"
        "<h1>드론 비행제어 SW 보안 개요</h1><p>이 자료는 교육용 개요이며 방위산업기술·비밀·전략기술에 해당하지 않습니다.</p>"
        "<p>1. 비행제어 소프트웨어의 구성과 공격 표면</p><p>2. 펌웨어 서명과 안전한 갱신</p>"
        "<p style='page-break-before: always'>3. 지상통제장비와 데이터링크 보호</p></body></html>"
    )


def _approve_through_workflow(page: Page, *, instructor: User, manager: User) -> None:
    """Submit as the instructor, approve as the manager (the institute's review workflow)."""
    page.save_revision(user=instructor)
    workflow = page.get_workflow()
    if workflow is None:
        page.get_latest_revision().publish(user=manager)
        return
    workflow.start(page, instructor)
    page = Page.objects.get(pk=page.pk).specific
    task = page.current_workflow_task
    task.on_action(page.current_workflow_task_state, manager, "approve")


def load_restricted_labels() -> CoursePage | None:
    data = content.read("catalog")
    institute = InstitutePage.objects.filter(slug=data["institutes"][0]["slug"]).first()
    instructor = User.objects.filter(email="instructor@example.com").first()
    manager = User.objects.filter(email="manager@example.com").first()
    if institute is None or instructor is None or manager is None:
        return None
    existing = CoursePage.objects.child_of(institute).filter(slug=SLUG).first()
    if existing is not None:
        return existing
    Document = get_document_model()
    document = Document.objects.filter(title=DOCUMENT_TITLE, collection=institute.collection).first()
    if document is None:
        document = Document.objects.create(
            title=DOCUMENT_TITLE,
            file=ContentFile(_pdf(), name="flight-control-sw-security.pdf"),
            collection=institute.collection,
        )
    DocumentLabel.objects.update_or_create(document=document, defaults={"sensitivity": Sensitivity.RESTRICTED})
    if attestation_on_record(document) is None:
        attest(obj=document, user=instructor, reference="")
    course = institute.add_child(
        instance=CoursePage(
            title=TITLE,
            title_en="Restricted: security of drone flight-control software",
            slug=SLUG,
            summary="승인된 방산 중소기업 직원만 수강할 수 있는 제한 과정입니다.",
            summary_en="A restricted course for vetted defence-SME staff only.",
            category="piloting",
            level="intermediate",
            study_hours=2,
            delivery_mode="online",
            enrolment_policy="approval",
            sensitivity=Sensitivity.RESTRICTED,
            live=False,
        )
    )
    course.instructor_links.add(CourseInstructor(user=instructor, role=data["lead_instructor_role"]))
    course.save()
    attest(obj=course, user=instructor, reference="")
    lesson = course.add_child(
        instance=LessonPage(
            title="1차시 비행제어 SW의 공격 표면",
            title_en="Lesson 1: attack surface of flight-control software",
            slug="lesson-1",
            study_minutes=30,
            sensitivity=Sensitivity.RESTRICTED,
            live=False,
            body=[
                {"type": "paragraph", "value": "<p>비행제어 소프트웨어의 구성 요소와 보호 방법을 살펴봅니다.</p>"},
                {"type": "document", "value": {"document": document.pk, "title": "보안 개요 (제한 자료)"}},
            ],
        )
    )
    attest(obj=lesson, user=instructor, reference="")
    _approve_through_workflow(course, instructor=instructor, manager=manager)
    _approve_through_workflow(lesson, instructor=instructor, manager=manager)
    catalog.ensure_runs(CoursePage.objects.get(pk=course.pk), data)
    return course
