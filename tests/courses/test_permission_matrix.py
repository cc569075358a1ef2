"""The role × object matrix: every admin URL Wagtail registers, on objects of institute A.

The URLs are read from the URL configuration (``tests.support.admin_urls``), not listed by hand:
a view added later is requested here as soon as it exists, and a URL with a parameter this test
cannot fill fails ``test_every_admin_url_with_a_parameter_is_in_the_matrix`` until it is
classified. Each URL is requested as an instructor and a manager of institute B, HR of another
organisation, a trainee of A's course and an anonymous visitor (every cell: 403, 404 or a
redirect; a 405 for a method the view does not take), by GET and by POST, and the owner (A's
manager) opens it by GET (200, or the documented reason why not). After all of it, A's objects are
exactly as they were.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, Revision, Workflow

from accounts.models import Membership, NameCorrectionRequest, OrganisationInvitation
from assessments.models import (
    AssignmentSubmission,
    PracticalAssessment,
    Question,
    QuestionBank,
    RetakeGrant,
    SimilarityCase,
)
from certificates.models import Certificate, CertificateTemplate
from community.models import Notice
from community.models import Question as CommunityQuestion
from compliance.models import ExportApproval, PledgeText, ProxyFlag, ProxyFlagMember
from courses.models import CourseRun, Enrolment
from courses.permissions import institute_models
from ops.audit import audit_record
from ops.models import AuditEvent, FailedTask
from tests import factories as f
from tests.support.admin_urls import admin_routes

pytestmark = pytest.mark.django_db

MARK = "ALPHAMARK"  # in the name of everything of A that B must never read

FOREIGN_ROLES = ("instructor_b", "manager_b", "hr_other", "trainee", "anonymous")

#: Routes another institute's staff may open on A's objects, and why (their content is checked).
FOREIGN_STAFF_MAY_OPEN = {
    "cms/choose-page/<int:parent_page_id>/": "the page chooser lists live pages of every institute, for links and "
    "prerequisites; drafts are hidden (test_the_page_chooser_hides_another_institutes_drafts)",
}
REFUSED = {302, 403, 404, 405}

#: Routes with parameters this matrix does not fill, and why they hold no object of an institute.
NOT_INSTITUTE_OBJECTS = {
    "cms/bulk/<str:app_label>/<str:model_name>/<str:action>/": "filled per model from the bulk-action registry",
    "cms/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": "a page type's usage count",
    "cms/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": "the same, results",
    "cms/pages/create/<slug:app_label>/<slug:model_name>": "chooses a parent for a new page of a type",
    "cms/tag-autocomplete/<slug:app_name>/<slug:model_name>/": "tag names, no objects",
    "cms/workflows/tasks/add/<str:app_label>/<str:model_name>/": "creates a task (administrators only)",
    "cms/editing-sessions/release/<int:session_id>/": "the caller's own editing session",
    "cms/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": "the caller's own upload",
    "cms/documents/multiple/delete_upload/<int:uploaded_file_id>/": "the caller's own upload",
    "cms/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": "the caller's own upload",
    "cms/images/multiple/delete_upload/<int:uploaded_file_id>/": "the caller's own upload",
    "cms/password_reset/confirm/<uidb64>/<token>/": "a password-reset link",
    "cms/settings/<slug:app_name>/<slug:model_name>/": "site settings (administrators only)",
    "cms/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": "site settings (administrators only)",
    "cms/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": "site settings (administrators only)",
    "cms/redirects/<int:redirect_id>/": "site-wide redirects (administrators only)",
    "cms/redirects/<int:redirect_id>/delete/": "site-wide redirects (administrators only)",
    "cms/sites/edit/<int:pk>/": "the site (administrators only)",
    "cms/sites/delete/<int:pk>/": "the site (administrators only)",
    "cms/sites/copy/<int:pk>/": "the site (administrators only)",
    "cms/sites/history/<int:pk>/": "the site (administrators only)",
    "cms/sites/history-results/<int:pk>/": "the site (administrators only)",
    "cms/sites/usage/<int:pk>/": "the site (administrators only)",
}

#: Routes whose view does not name its model (or names the model it lists, not the one in the URL).
ROUTE_MODELS = {
    "cms/workflows/": "wagtailcore.Workflow",
    "cms/workflows/tasks/": "wagtailcore.Task",
}

POST_ONLY = {405}
ADMINISTRATORS_ONLY = {302, 403, 404}

#: What the owner (A's manager) gets from a GET that is not a 200, and why.
OWNER_NOT_200 = {
    "cms/api/main/^pages/<int:pk>/action/<str:action_name>/": (POST_ONLY, "a POST-only action"),
    "cms/academy/enrolments/<int:enrolment_id>/<slug:action>/": (POST_ONLY, "a POST-only action"),
    "cms/academy/certificates/<int:certificate_id>/revoke/": (POST_ONLY, "a POST-only action"),
    "cms/academy/certificates/<int:certificate_id>/reissue/": (POST_ONLY, "a POST-only action"),
    "cms/pages/<int:page_id>/lock/": (POST_ONLY, "a POST-only action"),
    "cms/pages/<int:page_id>/unlock/": (POST_ONLY, "a POST-only action"),
    "cms/pages/<int:page_to_move_id>/set_position/": (POST_ONLY, "a POST-only action"),
    "cms/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": (
        POST_ONLY,
        "a POST-only heartbeat",
    ),
    "cms/images/multiple/<int:image_id>/": (POST_ONLY, "a POST-only upload step"),
    "cms/images/multiple/<int:image_id>/delete/": (POST_ONLY, "a POST-only upload step"),
    "cms/documents/multiple/<int:doc_id>/": (POST_ONLY, "a POST-only upload step"),
    "cms/documents/multiple/<int:doc_id>/delete/": (POST_ONLY, "a POST-only upload step"),
    "cms/pages/<int:page_id>/delete/": ({200, 302}, "a page with pages below it needs the bulk-delete permission"),
    "cms/pages/<int:page_id>/revisions/": ({302}, "Wagtail sends the revisions list to the page's history"),
    "cms/pages/<int:page_id>/convert_alias/": ({404}, "only aliases can be converted"),
    "cms/forms/submissions/<int:page_id>/": ({404}, "only form pages have submissions"),
    "cms/forms/submissions/<int:page_id>/results/": ({404}, "only form pages have submissions"),
    "cms/forms/submissions/<int:page_id>/delete/": ({302, 404}, "only form pages have submissions"),
    "cms/images/<int:image_id>/generate_url/": ({404}, "the Academy does not expose dynamic image URLs"),
    "cms/images/<int:image_id>/generate_url/output/": ({404}, "the Academy does not expose dynamic image URLs"),
    "cms/name_corrections/delete/<int:pk>/": ({302, 403}, "a name-correction request is decided, never deleted"),
    "cms/pledge_texts/edit/<int:pk>/": ({302}, "a published pledge text is never edited: a new version is added"),
    "cms/pledge_texts/delete/<int:pk>/": ({302}, "signatures and receipts point to a published pledge text"),
    "cms/pledge_texts/usage/<int:pk>/": ({302}, "Wagtail's usage view asks for change or delete: nobody holds them"),
    "cms/assessments/runs/<int:run_id>/completion-list/": (
        {404},
        "the matrix's run is unfunded: only funded runs have a 수료자 명단 (tests/assessments/test_completion_list.py)",
    ),
    **{
        route: (
            {404},
            "the matrix's run is unfunded (and its enrolment pending): only admitted trainees of funded runs "
            "have inspection evidence packs (tests/compliance/test_evidence_downloads.py)",
        )
        for route in (
            "cms/academy/evidence/enrolments/<int:enrolment_id>/csv/",
            "cms/academy/evidence/enrolments/<int:enrolment_id>/pdf/",
            "cms/academy/evidence/runs/<int:run_id>/zip/",
        )
    },
    "cms/compliance/runs/<int:run_id>/emon/": (
        {404},
        "the matrix's run is unfunded: only funded runs report to the 공단 (tests/compliance/test_emon_admin.py)",
    ),
    "cms/compliance/runs/<int:run_id>/emon/resend/": (
        {404},
        "the matrix's run is unfunded: only funded runs report to the 공단 (tests/compliance/test_emon_admin.py)",
    ),
    "cms/academy/runs/<int:run_id>/completion/": (
        {404},
        "the matrix's run is unfunded: only funded runs have 수료 decisions to override "
        "(tests/courses/test_completion_override_permissions.py)",
    ),
}
#: Screens of things no institute owns (collections, workflows, users, groups, organisations).
OWNER_NOT_200.update(
    {
        route: (ADMINISTRATORS_ONLY, "administrators only")
        for route in (
            "cms/collections/<int:pk>/",
            "cms/collections/<int:pk>/delete/",
            "cms/collections/<int:collection_id>/privacy/",
            "cms/workflows/enable/<int:pk>/",
            "cms/workflows/disable/<int:pk>/",
            "cms/workflows/edit/<int:pk>/",
            "cms/workflows/usage/<int:pk>/",
            "cms/workflows/usage/<int:pk>/results/",
            "cms/workflows/remove/<int:page_pk>/",
            "cms/workflows/remove/<int:page_pk>/<int:workflow_pk>/",
            "cms/workflows/tasks/edit/<int:pk>/",
            "cms/workflows/tasks/disable/<int:pk>/",
            "cms/workflows/tasks/enable/<int:pk>/",
            "cms/workflows/task_chooser/<int:task_id>/",
            "cms/users/edit/<int:pk>/",
            "cms/users/delete/<int:pk>/",
            "cms/users/history/<int:pk>/",
            "cms/users/history-results/<int:pk>/",
            "cms/users/usage/<int:pk>/",
            "cms/users/copy/<int:pk>/",
            "cms/groups/edit/<int:pk>/",
            "cms/groups/delete/<int:pk>/",
            "cms/groups/history/<int:pk>/",
            "cms/groups/history-results/<int:pk>/",
            "cms/groups/usage/<int:pk>/",
            "cms/snippets/accounts/organisation/edit/<int:pk>/",
            "cms/snippets/accounts/organisation/delete/<int:pk>/",
            "cms/snippets/accounts/organisation/usage/<int:pk>/",
            "cms/snippets/accounts/organisation/history/<int:pk>/",
            "cms/snippets/accounts/organisation/history-results/<int:pk>/",
            "cms/snippets/accounts/organisation/copy/<int:pk>/",
            "cms/snippets/choose/accounts/organisation/chosen/<str:pk>/",
            "cms/snippets/accounts/organisation/invite/<int:pk>/",
            "cms/snippets/accounts/organisation/members/<int:pk>/remove/<int:membership_id>/",
            "cms/snippets/accounts/organisation/agreement-end/<int:pk>/",  # 협약 종료 (F3.8)
            "cms/compliance/export-approvals/edit/<int:pk>/",  # 수출허가·비해당 판정 (F3.4)
            "cms/compliance/export-approvals/delete/<int:pk>/",
            "cms/compliance/export-approvals/history/<int:pk>/",
            "cms/compliance/export-approvals/history-results/<int:pk>/",
            "cms/compliance/export-approvals/usage/<int:pk>/",
            "cms/failed_tasks/inspect/<int:pk>/",  # the dead-letter record (ops.FailedTask)
            "cms/audit_trail/inspect/<int:pk>/",  # 감사 기록 (ops.AuditEvent), administrators only
        )
    }
)


def _png() -> ImageFile:
    import io

    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (12, 12), "navy").save(buffer, "PNG")
    return ImageFile(buffer, name="alpha.png")


@pytest.fixture
def world():
    """Institute A with one of everything, institute B's staff, another organisation's HR."""
    alpha = f.institute_page("알파연구원")
    beta = f.institute_page("베타연구원")
    image = get_image_model().objects.create(title=f"{MARK} 직인", file=_png(), collection=alpha.collection)
    document = get_document_model().objects.create(
        title=f"{MARK} 정비 매뉴얼", file=ContentFile(b"%PDF-1.4 alpha", name="alpha.pdf"), collection=alpha.collection
    )
    template = CertificateTemplate.objects.create(institute=alpha, name=f"{MARK} 수료증 양식", seal=image)
    course = f.course_page(alpha, "알파 비행 과정", certificate_template=template)
    module = f.module_page(course)
    lesson = f.lesson_page(
        course, "1차시", body=[{"type": "document", "value": {"document": document.pk, "title": "매뉴얼"}}]
    )
    lesson.save_revision().publish()
    course.save_revision().publish()
    bank = f.question_bank(alpha, course, title=f"{MARK} 문제은행")
    question = f.question(bank, text=f"{MARK} 배터리 전압은?", choices=[(f"{MARK} 정답 22.2V", "1"), ("오답", "0")])
    quiz = f.quiz_page(course, [question], draw_bank=bank)
    quiz.save_revision().publish()
    draft = f.lesson_page(course, f"{MARK} 미공개 차시", live=False)
    practical = f.practical_assessment(course, title=f"{MARK} 비행 실기")
    run = f.course_run(course, title=f"{MARK} 2026년 1차")
    trainee = f.UserFactory(name_ko=f"{MARK}교육생")
    enrolment = f.enrolment(run, trainee, status=Enrolment.Status.COMPLETED)
    pending = f.enrolment(run, status=Enrolment.Status.PENDING)
    certificate = f.certificate(enrolment, holder_name_ko=f"{MARK}교육생")
    retake_grant = RetakeGrant.objects.create(enrolment=enrolment, quiz=quiz, reason=f"{MARK} 재응시 사유")
    other = f.enrolment(run)
    similarity_case = SimilarityCase.objects.create(
        run=run,
        enrolment_a=min(enrolment, other, key=lambda e: e.pk),
        enrolment_b=max(enrolment, other, key=lambda e: e.pk),
        kind="essay",
        item_key="question:1",
        item_label=f"{MARK} 서술형",
        object_a=1,
        object_b=2,
        score="0.9500",
    )
    proxy_flag = ProxyFlag.objects.create(
        run=run, kind="address", key="203.0.113.77", day="2026-03-02", evidence=[{"note": f"{MARK} 증거"}]
    )
    ProxyFlagMember.objects.create(flag=proxy_flag, enrolment=enrolment)
    ProxyFlagMember.objects.create(flag=proxy_flag, enrolment=other)
    assignment = f.assignment_page(course, criteria=[(f"{MARK} 분석", 100)], title="비행 보고서 과제")
    submission = AssignmentSubmission.objects.create(
        assignment=assignment, enrolment=enrolment, user=trainee, state="submitted", text=f"{MARK} 제출 답안"
    )
    # The trainee holds A's certificate, so A's managers (and only they) decide this request.
    name_correction = NameCorrectionRequest.objects.create(
        user=trainee,
        old_name_ko=trainee.name_ko,
        new_name_ko=f"{MARK}정정",
        new_name_en="Alpha Mark",
        reason=f"{MARK} 개명",
    )
    pledge_text = PledgeText.objects.create(
        institute=alpha,
        kind="join",
        version=1,
        title=f"{MARK} 기술보호 서약서",
        body=f"{MARK} 1. 비밀유지",
        text_hash="0" * 64,
    )
    notice = Notice.objects.create(
        institute=alpha, course=course, run=run, title=f"{MARK} 휴강 공지", body=f"{MARK} 1차 휴강"
    )
    community_question = CommunityQuestion.objects.create(
        course=course,
        run=run,
        asker=trainee,
        title=f"{MARK} 비공개 질문",
        body=f"{MARK} 질문 본문",
        waiting_since=timezone.now(),
    )
    manager_a = f.manager_of(alpha)
    instructor_a = f.instructor_of(alpha)
    hr_membership = f.MembershipFactory(role=Membership.Role.HR)
    for obj in (bank, question, practical, template, run):
        log(obj, "wagtail.create", user=manager_a)
    # A lesson in review, so the workflow views have a task to act on.
    workflow = lesson.get_workflow()
    workflow_state = workflow.start(lesson, instructor_a)
    task_state = workflow_state.current_task_state
    return {
        "alpha": alpha,
        "beta": beta,
        "pages": [course, lesson, quiz],
        "course": course,
        "module": module,
        "lesson": lesson,
        "quiz": quiz,
        "draft": draft,
        "image": image,
        "document": document,
        "template": template,
        "bank": bank,
        "question": question,
        "practical": practical,
        "run": run,
        "pending": pending,
        "certificate": certificate,
        "retake_grant": retake_grant,
        "similarity_case": similarity_case,
        "proxy_flag": proxy_flag,
        "assignment": assignment,
        "submission": submission,
        "name_correction": name_correction,
        "pledge_text": pledge_text,
        "notice": notice,
        "community_question": community_question,
        "workflow": workflow,
        "organisation": hr_membership.organisation,
        "hr_membership": hr_membership,
        "workflow_state": workflow_state,
        "task_state": task_state,
        "failed_task": FailedTask.objects.create(
            task_name="certificates.tasks.certificate_render_task", task_id="t-1", args="1", exception=f"{MARK} error"
        ),
        "audit_event": audit_record(action="test.matrix", subject_user=trainee, reason=f"{MARK} 사유"),
        "users": {
            "owner": manager_a,
            "instructor_a": instructor_a,
            "instructor_b": f.instructor_of(beta),
            "manager_b": f.manager_of(beta),
            "hr_other": hr_membership.user,
            "trainee": trainee,
            "anonymous": None,
        },
    }


def _objects_by_model(world) -> dict:
    return {
        QuestionBank: world["bank"],
        Question: world["question"],
        PracticalAssessment: world["practical"],
        CertificateTemplate: world["template"],
        CourseRun: world["run"],
        Certificate: world["certificate"],
        RetakeGrant: world["retake_grant"],
        SimilarityCase: world["similarity_case"],
        ProxyFlag: world["proxy_flag"],
        AssignmentSubmission: world["submission"],
        PledgeText: world["pledge_text"],
        Notice: world["notice"],
        CommunityQuestion: world["community_question"],
        get_image_model(): world["image"],
        get_document_model(): world["document"],
    }


def matrix_urls(world) -> list[tuple[str, str]]:
    """(route, concrete URL) for every admin URL with a parameter, on A's objects."""
    from django.contrib.auth.models import Group
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry
    from wagtail.models import Collection, Task

    from accounts.models import Organisation

    by_model = _objects_by_model(world)
    by_model.update(
        {
            Collection: world["alpha"].collection,
            Workflow: world["workflow"],
            Task: world["task_state"].task,
            Group: world["alpha"].instructors_group,
            type(world["users"]["instructor_a"]): world["users"]["instructor_a"],
            Organisation: world["organisation"],
            NameCorrectionRequest: world["name_correction"],
            FailedTask: world["failed_task"],
            AuditEvent: world["audit_event"],
            ExportApproval: ExportApproval.objects.create(
                user=world["users"]["trainee"],
                course=world["course"],
                kind="licence",
                number=f"{MARK}-EL",
                scope=f"{MARK} 범위",
                valid_until="2027-12-31",
            ),
        }
    )
    lesson = world["lesson"]
    common = {
        "image_id": world["image"].pk,
        "document_id": world["document"].pk,
        "doc_id": world["document"].pk,
        "collection_id": world["alpha"].collection_id,
        "filter_spec": "fill-10x10",
        "run_id": world["run"].pk,
        "enrolment_id": world["pending"].pk,
        "action": "approve",
        "quiz_id": world["quiz"].pk,
        "assessment_id": world["practical"].pk,
        "certificate_id": world["certificate"].pk,
        "assignment_id": world["assignment"].pk,
        "submission_id": world["submission"].pk,
        "template_id": world["template"].pk,
        "page_pk": world["course"].pk,
        "workflow_pk": world["workflow"].pk,
        "task_id": world["task_state"].task_id,
        "membership_id": world["hr_membership"].pk,
        "session_id": 0,
        "case_id": world["similarity_case"].pk,
        "flag_id": world["proxy_flag"].pk,
    }
    urls: list[tuple[str, str]] = []
    for route in admin_routes():
        if not route.parameters or route.route in NOT_INSTITUTE_OBJECTS:
            continue
        if route.route.startswith("cms/editing-sessions/ping/"):
            for obj in (world["bank"], world["lesson"]):
                meta = (Page if isinstance(obj, Page) else type(obj))._meta
                values = {"app_label": meta.app_label, "model_name": meta.model_name, "object_id": obj.pk}
                urls.append((route.route, route.fill({**common, **values})))
            continue
        page_parameters = {"page_id", "parent_page_id", "page_to_move_id"} & set(route.parameters)
        if page_parameters or route.route.startswith(("cms/api/main/^pages", "cms/pages/^")):
            for page in world["pages"]:
                in_review = {"task_state_id", "task_id", "workflow_state_id"} & set(route.parameters)
                if in_review and page.pk != lesson.pk:
                    continue  # only the lesson is in review
                if "parent_page_id" in route.parameters and page.pk != world["course"].pk:
                    continue  # only the course takes new lessons
                if "page_to_move_id" in route.parameters and page.pk != lesson.pk:
                    continue  # the lesson moves into the module
                values = {
                    **common,
                    **dict.fromkeys(page_parameters | {"pk"}, page.pk),
                    "destination_id": world["module"].pk,
                    "revision_id": page.latest_revision_id,
                    "revision_id_a": "earliest",
                    "revision_id_b": "latest",
                    "content_type_app_name": "courses",
                    "content_type_model_name": "lessonpage",
                    "action_name": "approve",
                    "task_state_id": world["task_state"].pk,
                    "workflow_state_id": world["workflow_state"].pk,
                }
                urls.append((route.route, route.fill(values)))
            continue
        values = dict(common)
        model = route.model
        for prefix, label in sorted(ROUTE_MODELS.items(), key=lambda item: -len(item[0])):
            if route.route.startswith(prefix):
                model = apps.get_model(label)
                break
        if route.route.startswith("cms/api/main/^documents"):
            model = get_document_model()
        elif route.route.startswith("cms/api/main/^images"):
            model = get_image_model()
        if "pk" in route.parameters and model is not None and by_model.get(model) is not None:
            values["pk"] = by_model[model].pk
        urls.append((route.route, route.fill(values)))

    for model, obj in _objects_by_model(world).items():
        meta = model._meta
        for action in bulk_action_registry.get_bulk_actions_for_model(meta.app_label, meta.model_name):
            urls.append(("bulk", f"/cms/bulk/{meta.app_label}/{meta.model_name}/{action.action_type}/?id={obj.pk}"))
    for action in bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page"):
        for page in world["pages"]:
            urls.append(
                (
                    "bulk",
                    f"/cms/bulk/wagtailcore/page/{action.action_type}/?id={page.pk}&childOf={world['course'].pk}",
                )
            )
    return urls


def _text(response) -> str:
    """The response as a reader sees it (JSON answers of choosers and the API decoded)."""
    import json

    text = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return text


def _client_for(user):
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _snapshot(world) -> dict:
    """What an attack would change: rows, page states, statuses."""
    pages = {
        p.pk: (p.live, p.title, p.latest_revision_id, p.path)
        for p in Page.objects.filter(pk__in=[x.pk for x in world["pages"]])
    }
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in (*_objects_by_model(world), Revision, Workflow, Page, Membership, OrganisationInvitation)
        },
        "pages": pages,
        "certificate": Certificate.objects.values_list("state", "revoked_at").get(pk=world["certificate"].pk),
        "name_correction": NameCorrectionRequest.objects.values_list("status", "decided_by").get(
            pk=world["name_correction"].pk
        ),
        "pending": Enrolment.objects.values_list("status", flat=True).get(pk=world["pending"].pk),
        "task_state": world["task_state"]
        .__class__.objects.values_list("status", flat=True)
        .get(pk=world["task_state"].pk),
        "template": CertificateTemplate.objects.values_list("name", "seal_id").get(pk=world["template"].pk),
        "bank": QuestionBank.objects.values_list("title", "institute_id").get(pk=world["bank"].pk),
        "submission": AssignmentSubmission.objects.values_list("state", "score", "feedback", "graded_by").get(
            pk=world["submission"].pk
        ),
        "proxy_flag": ProxyFlag.objects.values_list("state", "reason", "decided_by").get(pk=world["proxy_flag"].pk),
        "pledge_text": PledgeText.objects.values_list("title", "body", "version").get(pk=world["pledge_text"].pk),
    }


def test_every_admin_url_with_a_parameter_is_in_the_matrix(world):
    urls = matrix_urls(world)
    unfilled = sorted({route for route, url in urls if url is None})
    assert unfilled == [], f"classify these admin routes in the matrix: {unfilled}"
    covered = {route for route, _url in urls}
    every = {r.route for r in admin_routes() if r.parameters} - set(NOT_INSTITUTE_OBJECTS)
    assert every <= covered
    assert len(urls) > 150  # the matrix is as large as the admin: pages × 3, snippets, images, documents, …


def test_other_roles_are_refused_every_admin_url_of_institute_a(world, client):
    urls = [(route, url) for route, url in matrix_urls(world) if url]
    before = _snapshot(world)
    cells = Counter()
    leaks = []
    for role in FOREIGN_ROLES:
        browser = _client_for(world["users"][role])
        for route, url in urls:
            for method in ("get", "post"):
                response = getattr(browser, method)(url)
                cells[response.status_code] += 1
                body = _text(response) if response.status_code == 200 else ""
                may_open = route in FOREIGN_STAFF_MAY_OPEN and role in ("instructor_b", "manager_b")
                if (response.status_code not in REFUSED and not may_open) or MARK in body:
                    leaks.append(f"{role} {method.upper()} {url} → {response.status_code}")
                if response.status_code == 302:
                    assert MARK not in response.get("Location", "")
    assert leaks == [], "\n".join(leaks)
    assert _snapshot(world) == before  # nothing of A was changed, deleted, moved, approved or revoked
    assert sum(cells.values()) == len(urls) * len(FOREIGN_ROLES) * 2
    assert cells[404] + cells[403] > len(urls)  # refused by the policies, not only by the login wall


def test_the_owner_opens_every_admin_url_of_their_institute(world):
    browser = _client_for(world["users"]["owner"])
    wrong = []
    opened = 0
    for route, url in matrix_urls(world):
        if url is None:
            continue
        response = browser.get(url)
        expected = OWNER_NOT_200.get(route, ({200}, ""))[0]
        if response.status_code not in expected:
            wrong.append(f"{url} → {response.status_code} (expected {expected})")
        opened += response.status_code == 200
    assert wrong == [], "\n".join(wrong)
    assert opened > 100


def test_listings_and_choosers_of_institute_b_show_nothing_of_institute_a(world):
    """Every admin URL without a parameter (listings, choosers, reports, menus), as B's staff."""
    # The log-out view would end the session; failwhale is Wagtail's deliberate 500 for testing error pages.
    routes = [r for r in admin_routes() if not r.parameters and not r.route.endswith(("logout/", "failwhale/"))]
    shown = []
    for role in ("instructor_b", "manager_b"):
        browser = _client_for(world["users"][role])
        for route in routes:
            url = route.fill({})
            for query in ("", "?q=ALPHA"):  # matches A's names; the echoed query is not the mark
                response = browser.get(url + query)
                if response.status_code == 200 and MARK in _text(response):
                    shown.append(f"{role} {url}{query}")
    assert shown == [], "\n".join(shown)
    # The same listings show A's things to A's manager, so the check above could fail.
    owner = _client_for(world["users"]["owner"])
    for url in (
        "/cms/snippets/assessments/questionbank/",
        "/cms/snippets/choose/assessments/question/",
        "/cms/reports/site-history/",
        "/cms/academy/runs/",
        "/cms/assessments/similarity/",
        "/cms/compliance/proxy/",
        "/cms/community/notices/",
        "/cms/community/questions/",
    ):
        assert MARK in _text(owner.get(url)), url


def test_every_institute_model_has_a_policy_and_a_row_here(world):
    assert set(institute_models()) == {
        QuestionBank,
        Question,
        PracticalAssessment,
        CourseRun,
        CertificateTemplate,
        Certificate,
        RetakeGrant,
        SimilarityCase,
        ProxyFlag,
        AssignmentSubmission,
        PledgeText,
        Notice,
        CommunityQuestion,
    }
    assert set(institute_models()) <= set(_objects_by_model(world))


def test_the_page_chooser_hides_another_institutes_drafts(world):
    browser = _client_for(world["users"]["instructor_b"])
    listing = browser.get(f"/cms/choose-page/{world['course'].pk}/")
    search = browser.get("/cms/choose-page/search/", {"q": "미공개"})

    assert listing.status_code == 200
    assert world["lesson"].title in listing.json()["html"]  # a live lesson: linkable
    assert MARK not in listing.json()["html"] + _text(search)
    owner = _client_for(world["users"]["instructor_a"])
    assert MARK in owner.get(f"/cms/choose-page/{world['course'].pk}/").json()["html"]


def test_b_cannot_delete_as_question_bank_by_any_url(world):
    """The review's cascade: A's bank, its questions, the quiz questions and recorded answers survive."""
    from assessments.models import AttemptAnswer, QuizQuestion

    bank, question = world["bank"], world["question"]
    quiz_questions = QuizQuestion.objects.filter(question=question).count()
    answers = AttemptAnswer.objects.filter(question=question).count()
    urls = [
        f"/cms/snippets/assessments/questionbank/delete/{bank.pk}/",
        f"/cms/snippets/assessments/question/delete/{question.pk}/",
        f"/cms/bulk/assessments/questionbank/delete/?id={bank.pk}",
        f"/cms/bulk/assessments/question/delete/?id={question.pk}",
        "/cms/bulk/assessments/questionbank/delete/?id=all",
        "/cms/bulk/assessments/question/delete/?id=all",
    ]
    for role in ("instructor_b", "manager_b"):
        browser = _client_for(world["users"][role])
        for url in urls:
            shown = browser.get(url)
            assert MARK not in _text(shown), (role, url)
            response = browser.post(url)
            assert response.status_code in REFUSED or "all" in url, (role, url, response.status_code)
        # "select all" under A's course page names none of A's pages
        listing = browser.get(f"/cms/bulk/wagtailcore/page/delete/?id=all&childOf={world['course'].pk}")
        assert listing.status_code in REFUSED and MARK not in _text(listing)

    assert QuestionBank.objects.filter(pk=bank.pk).exists()
    assert Question.objects.filter(pk=question.pk).exists()
    assert QuizQuestion.objects.filter(question=question).count() == quiz_questions == 1
    assert AttemptAnswer.objects.filter(question=question).count() == answers
    # A's own manager can: the URLs work, and only the policy stopped B.
    owner = _client_for(world["users"]["owner"])
    assert owner.get(f"/cms/snippets/assessments/questionbank/delete/{bank.pk}/").status_code == 200
