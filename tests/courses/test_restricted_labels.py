"""Sensitivity labels with attestation and the publication of restricted pages (DOMAIN-KR §3.3 F3.1).

Acceptance: an instructor cannot publish a restricted lesson without both the attestation and the
manager's approval; the attestation (who, when, text version) is in the audit log. Every path that
publishes is tried: the publish button, bulk publish, copy-and-publish, the admin page API,
scheduled publishing, and approving in the review workflow.
"""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from courses import labels
from courses.models import LessonPage, RestrictedAttestation, Sensitivity
from ops.models import AuditEvent
from tests import factories as f

pytestmark = pytest.mark.django_db


PARAGRAPH = json.dumps(
    {
        "blocks": [
            {
                "key": "a1",
                "text": "비행제어 소프트웨어의 보안 개요",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)


@pytest.fixture
def setup():
    alpha = f.institute_page("알파연구원")
    course = f.course_page(alpha, "제한 과정: 드론 비행제어", sensitivity=Sensitivity.RESTRICTED)
    lesson = f.lesson_page(course, "1차시 비행제어 보안", live=False, sensitivity=Sensitivity.RESTRICTED)
    return {
        "alpha": alpha,
        "course": course,
        "lesson": lesson,
        "instructor": f.instructor_of(alpha),
        "manager": f.manager_of(alpha),
    }


def page_form(client, page, **changes):
    html = client.get(f"/cms/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [k for k in data if k.startswith("body")]:
        del data[key]
    from wagtail.fields import StreamField

    stream = {}
    for field in type(page.specific)._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            stream[field.name] = streamfield([])
    if isinstance(page.specific, LessonPage):
        stream["body"] = streamfield([("paragraph", PARAGRAPH)])
    data.update(nested_form_data(stream))
    for key in [k for k in data if k.startswith("restricted_attestation")]:
        del data[key]
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def post_edit(client, user, page, **changes):
    client.force_login(user)
    return client.post(f"/cms/pages/{page.pk}/edit/", page_form(client, page, **changes))


def form_errors(response):
    return response.context["form"].errors


def attested(page):
    return RestrictedAttestation.objects.filter(object_id=str(page.pk)).exists()


def test_saving_restricted_lesson_needs_the_attestation(client, setup):
    response = post_edit(client, setup["instructor"], setup["lesson"])

    assert response.status_code == 200
    assert "restricted_attestation" in form_errors(response)
    assert not attested(setup["lesson"])


def test_attestation_is_recorded_with_who_when_version_and_in_the_audit_log(client, setup):
    before = timezone.now()
    response = post_edit(
        client, setup["instructor"], setup["lesson"], restricted_attestation="on", restricted_reference="판정-2026-17"
    )

    assert response.status_code == 302, form_errors(response)
    record = RestrictedAttestation.objects.get(object_id=str(setup["lesson"].pk))
    assert record.by == setup["instructor"]
    assert record.text_version == labels.ATTESTATION_VERSION
    assert record.text_hash == labels.ATTESTATION_HASH
    assert record.reference == "판정-2026-17"
    assert record.at >= before
    event = AuditEvent.objects.get(action="courses.restricted_attestation")
    assert event.actor == setup["instructor"]
    assert event.object_id == str(setup["lesson"].pk)
    assert event.at == record.at
    assert event.data["text_version"] == labels.ATTESTATION_VERSION
    assert event.data["text"] == labels.ATTESTATION_TEXT
    assert event.data["reference"] == "판정-2026-17"
    # On record: the next save does not ask again.
    assert post_edit(client, setup["instructor"], setup["lesson"]).status_code == 302
    assert RestrictedAttestation.objects.count() == 1


def test_a_new_text_version_asks_again(client, setup, monkeypatch):
    assert post_edit(client, setup["instructor"], setup["lesson"], restricted_attestation="on").status_code == 302
    monkeypatch.setattr(labels, "ATTESTATION_VERSION", labels.ATTESTATION_VERSION + 1)

    response = post_edit(client, setup["instructor"], setup["lesson"])

    assert response.status_code == 200
    assert "restricted_attestation" in form_errors(response)


def test_public_lesson_needs_no_attestation(client):
    alpha = f.institute_page()
    lesson = f.lesson_page(f.course_page(alpha), live=False)

    assert post_edit(client, f.instructor_of(alpha), lesson).status_code == 302
    assert not RestrictedAttestation.objects.exists()


def test_lesson_under_restricted_course_cannot_be_labelled_lower(client, setup):
    response = post_edit(
        client, setup["instructor"], setup["lesson"], sensitivity=Sensitivity.PUBLIC, restricted_attestation="on"
    )

    assert response.status_code == 200
    assert "sensitivity" in form_errors(response)


def test_restricted_lesson_label_of_public_course_needs_attestation(client):
    alpha = f.institute_page()
    lesson = f.lesson_page(f.course_page(alpha), live=False)

    response = post_edit(client, f.instructor_of(alpha), lesson, sensitivity=Sensitivity.RESTRICTED)

    assert response.status_code == 200
    assert "restricted_attestation" in form_errors(response)


def test_instructor_publish_button_is_refused_with_a_message(client, setup):
    response = post_edit(
        client, setup["instructor"], setup["lesson"], restricted_attestation="on", **{"action-publish": "1"}
    )

    assert response.status_code == 200
    assert "관리자" in " ".join(form_errors(response).get("__all__", []))
    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live


def submit(client, setup, **changes):
    response = post_edit(client, setup["instructor"], setup["lesson"], **{"action-submit": "1", **changes})
    assert response.status_code == 302, form_errors(response)
    return WorkflowState.objects.get(object_id=str(setup["lesson"].pk), status=WorkflowState.STATUS_IN_PROGRESS)


def approve(client, manager, page, state):
    client.force_login(manager)
    return client.post(
        f"/cms/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/", {"comment": "승인"}
    )


def test_instructor_attests_and_submits_then_the_manager_approves_and_it_goes_live(client, setup):
    state = submit(client, setup, restricted_attestation="on")
    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live

    response = approve(client, setup["manager"], setup["lesson"], state)

    assert response.status_code in (200, 302)
    setup["lesson"].refresh_from_db()
    assert setup["lesson"].live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_approval_is_refused_while_the_attestation_of_the_current_text_is_missing(client, setup, monkeypatch):
    state = submit(client, setup, restricted_attestation="on")
    monkeypatch.setattr(labels, "ATTESTATION_VERSION", labels.ATTESTATION_VERSION + 1)

    response = approve(client, setup["manager"], setup["lesson"], state)

    assert response.status_code == 302
    assert response["Location"] == f"/cms/pages/{setup['lesson'].pk}/edit/"
    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == state.current_task_state.STATUS_IN_PROGRESS


def test_instructor_without_attestation_cannot_even_submit(client, setup):
    response = post_edit(client, setup["instructor"], setup["lesson"], **{"action-submit": "1"})

    assert response.status_code == 200
    assert not WorkflowState.objects.exists()


def test_manager_publishes_directly_only_with_the_attestation(client, setup):
    refused = post_edit(client, setup["manager"], setup["lesson"], **{"action-publish": "1"})
    assert refused.status_code == 200
    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live

    published = post_edit(
        client, setup["manager"], setup["lesson"], restricted_attestation="on", **{"action-publish": "1"}
    )

    assert published.status_code == 302, form_errors(published)
    setup["lesson"].refresh_from_db()
    assert setup["lesson"].live
    assert RestrictedAttestation.objects.get().by == setup["manager"]


def test_bulk_publish_of_an_unattested_restricted_page_is_refused(client, setup):
    client.force_login(setup["manager"])
    setup["lesson"].save_revision(user=setup["instructor"])

    response = client.post(f"/cms/bulk/wagtailcore/page/publish/?id={setup['lesson'].pk}", {})

    assert response.status_code == 302
    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live


def test_bulk_publish_by_an_instructor_is_refused_even_when_attested(client, setup):
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    setup["lesson"].save_revision(user=setup["instructor"])
    client.force_login(setup["instructor"])

    client.post(f"/cms/bulk/wagtailcore/page/publish/?id={setup['lesson'].pk}", {})

    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live


def test_bulk_publish_by_the_manager_of_an_attested_page_publishes(client, setup):
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    setup["lesson"].save_revision(user=setup["instructor"])
    client.force_login(setup["manager"])

    client.post(f"/cms/bulk/wagtailcore/page/publish/?id={setup['lesson'].pk}", {})

    setup["lesson"].refresh_from_db()
    assert setup["lesson"].live


def test_copy_and_publish_of_a_restricted_page_is_refused(client, setup):
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    setup["lesson"].save_revision().publish(user=setup["manager"])
    client.force_login(setup["manager"])
    count = LessonPage.objects.count()

    response = client.post(
        f"/cms/pages/{setup['lesson'].pk}/copy/",
        {
            "new_title": "복사본",
            "new_slug": "copy-of-lesson",
            "new_parent_page": str(setup["course"].pk),
            "publish_copies": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"/cms/pages/{setup['lesson'].pk}/edit/"
    assert LessonPage.objects.count() == count


def test_copy_without_publishing_is_allowed_and_the_copy_needs_its_own_attestation(client, setup):
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    client.force_login(setup["manager"])

    client.post(
        f"/cms/pages/{setup['lesson'].pk}/copy/",
        {"new_title": "복사본", "new_slug": "copy-of-lesson", "new_parent_page": str(setup["course"].pk)},
    )

    copy = LessonPage.objects.get(slug="copy-of-lesson")
    assert not copy.live
    assert labels.attestation_on_record(copy) is None
    with pytest.raises(ValidationError):
        copy.save_revision().publish(user=setup["manager"])


def api_publish(client, user, page):
    client.force_login(user)
    return client.post(f"/cms/api/main/pages/{page.pk}/action/publish/", "{}", content_type="application/json")


def test_page_api_publish_is_refused_without_attestation_or_by_an_instructor(client, setup):
    setup["lesson"].save_revision(user=setup["instructor"])
    assert api_publish(client, setup["manager"], setup["lesson"]).status_code == 400

    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    assert api_publish(client, setup["instructor"], setup["lesson"]).status_code in (400, 403)
    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live

    assert api_publish(client, setup["manager"], setup["lesson"]).status_code == 200
    setup["lesson"].refresh_from_db()
    assert setup["lesson"].live


def test_page_api_copy_keeping_it_live_is_refused(client, setup):
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    setup["lesson"].save_revision().publish(user=setup["manager"])
    client.force_login(setup["manager"])
    count = Page.objects.count()

    response = client.post(
        f"/cms/api/main/pages/{setup['lesson'].pk}/action/copy/",
        json.dumps({"slug": "api-copy", "keep_live": True}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert Page.objects.count() == count


def test_scheduled_publish_without_attestation_is_refused_and_unscheduled(setup):
    revision = setup["lesson"].save_revision(
        user=setup["instructor"], approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled")

    setup["lesson"].refresh_from_db()
    assert not setup["lesson"].live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_scheduled_publish_with_attestation_goes_live(setup):
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    setup["lesson"].save_revision(
        user=setup["instructor"], approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled")

    setup["lesson"].refresh_from_db()
    assert setup["lesson"].live


def test_publishing_by_code_needs_the_attestation(setup):
    with pytest.raises(ValidationError):
        setup["lesson"].save_revision().publish()
    labels.attest(obj=setup["lesson"], user=setup["instructor"])
    setup["lesson"].save_revision().publish()
    setup["lesson"].refresh_from_db()
    assert setup["lesson"].live


def test_a_restricted_course_page_needs_the_attestation_too(client, setup):
    course = setup["course"]
    response = post_edit(client, setup["instructor"], course)
    assert response.status_code == 200
    assert "restricted_attestation" in form_errors(response)
    assert post_edit(client, setup["instructor"], course, restricted_attestation="on").status_code == 302
    assert labels.attestation_on_record(course).by == setup["instructor"]


def _image(institute):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PillowImage.new("RGB", (12, 12), "navy").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="비행제어 구성도", file=ImageFile(buffer, name="diagram.png"), collection=institute.collection
    )


def _with_image_in_rich_text(image) -> str:
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "b1",
                    "text": " ",
                    "type": "atomic",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 1, "key": 0}],
                }
            ],
            "entityMap": {
                "0": {
                    "type": "IMAGE",
                    "mutability": "IMMUTABLE",
                    "data": {"id": image.pk, "format": "fullwidth", "alt": "구성도"},
                }
            },
        }
    )


def test_a_restricted_lesson_refuses_images_which_are_public_files_without_a_watermark(client, setup):
    """Images are served from the public media folder (no check, no watermark): a restricted lesson
    keeps its figures inside its stamped PDF instead (DOMAIN-KR §3.3 F3.7; security review)."""
    image = _image(setup["alpha"])
    body = nested_form_data({"body": streamfield([("paragraph", _with_image_in_rich_text(image))])})
    response = post_edit(client, setup["instructor"], setup["lesson"], restricted_attestation="on", **body)
    assert response.status_code == 200
    assert "공개 파일" in str(form_errors(response)["body"])

    block = nested_form_data(
        {"body": streamfield([("image", {"image": image.pk, "alt_text": "구성도", "caption": ""})])}
    )
    response = post_edit(client, setup["instructor"], setup["lesson"], restricted_attestation="on", **block)
    assert response.status_code == 200 and "body" in form_errors(response)

    ok = post_edit(client, setup["instructor"], setup["lesson"], restricted_attestation="on")  # text only
    assert ok.status_code == 302


def test_a_public_lesson_may_show_images(client):
    alpha = f.institute_page("감마연구원")
    course = f.course_page(alpha, "공개 과정")
    lesson = f.lesson_page(course, "1차시", live=False)
    image = _image(alpha)
    body = nested_form_data({"body": streamfield([("paragraph", _with_image_in_rich_text(image))])})
    response = post_edit(client, f.instructor_of(alpha), lesson, **body)
    assert response.status_code == 302
