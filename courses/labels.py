"""Sensitivity labels, the uploader's attestation and the publication of restricted material
(DOMAIN-KR §3.3 F3.1).

**Labels.** Courses, lessons and library documents are public, members-only or restricted. A lesson
under a restricted course is restricted whatever its own label, and its form refuses a lower label
so that nobody reads "public" on it. A document's *effective* sensitivity is the highest of its own
label (``DocumentLabel``, none: public) and the labels of the live lessons and courses that use it:
a PDF attached to a restricted lesson is served as restricted material even if its uploader left
it public.

**Attestation.** Saving restricted material (a page whose effective label is restricted, a document
labelled restricted) needs the uploader's attestation that it is not designated 방위산업기술 (방위산업기술
보호법 제7조), 비밀 or 전략기술, unless an attestation of the *current text version* is already on
record for that page or document. The text is versioned here (``ATTESTATION_VERSION``): changing
the wording means raising the version, and the next save asks again. Each attestation is a
``RestrictedAttestation`` row and an audit event ``courses.restricted_attestation`` (who, when,
version, hash of the text, 판정 reference). The 판정 itself stays outside the Academy.

**Publication.** A restricted page is published only by its institute's manager (or an
administrator): instructors submit it to the institute's review workflow, where a manager approves
it; the manager's direct publish counts as that approval. Either way the attestation of the current
version must be on record. Every publishing path runs through ``publication_refusal``: the page
form (the publish button, and approving from the editor), the workflow action view, bulk publish,
copy-and-publish (refused outright for restricted pages: a copy has no attestation), the admin page
API's publish, copy and alias actions (400, ``admin_guard.RestrictedPublicationMiddleware``) and
scheduled publishing; ``CoursePage.publish``/``LessonPage.publish`` are the last check for
every path that publishes a revision. Publishing by code without a user (the scheduler, the demo loader) needs the attestation only.
"""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from ops.audit import audit_record

from .models import CoursePage, DocumentLabel, LessonPage, RestrictedAttestation, Sensitivity

#: The attestation, versioned: raise the version whenever the wording changes.
ATTESTATION_VERSION = 1
ATTESTATION_TEXT = "방위산업기술(법 제7조 지정)·비밀·전략기술에 해당하지 않음을 확인합니다"
ATTESTATION_HASH = hashlib.sha256(f"{ATTESTATION_VERSION}:{ATTESTATION_TEXT}".encode()).hexdigest()

_RANK = {Sensitivity.PUBLIC: 0, Sensitivity.MEMBERS: 1, Sensitivity.RESTRICTED: 2}

#: Documents that can be stamped (PDF) or overlaid (video) are the only ones accepted as restricted.
STAMPABLE_EXTENSIONS = ("pdf",)
VIDEO_EXTENSIONS = ("mp4", "webm")


def highest(*labels: str) -> str:
    return max((label or Sensitivity.PUBLIC for label in labels), key=lambda label: _RANK.get(label, 0))


def course_of(page) -> CoursePage | None:
    if isinstance(page, CoursePage):
        return page
    if page is None or not page.path:
        return None
    return CoursePage.objects.ancestor_of(page).first()


def page_sensitivity(page, *, course: CoursePage | None = None) -> str:
    """A page's effective label: a lesson is at least as restricted as its course."""
    if isinstance(page, CoursePage):
        return page.sensitivity
    own = getattr(page, "sensitivity", Sensitivity.PUBLIC)
    course = course if course is not None else course_of(page)
    return highest(own, course.sensitivity if course is not None else Sensitivity.PUBLIC)


def page_is_restricted(page, *, course: CoursePage | None = None) -> bool:
    return page_sensitivity(page, course=course) == Sensitivity.RESTRICTED


# -- attestation ---------------------------------------------------------------------------------


def _key(obj) -> tuple[ContentType, str]:
    model = type(obj)
    if hasattr(obj, "specific_class") and obj.specific_class is not None:
        model = obj.specific_class
    return ContentType.objects.get_for_model(model), str(obj.pk)


def attestation_on_record(obj) -> RestrictedAttestation | None:
    """The attestation of the current text version for this page or document, if any."""
    if obj is None or obj.pk is None:
        return None
    content_type, object_id = _key(obj)
    return (
        RestrictedAttestation.objects.filter(
            content_type=content_type, object_id=object_id, text_version=ATTESTATION_VERSION
        )
        .order_by("-at")
        .first()
    )


def attest(*, obj, user, reference: str = "") -> RestrictedAttestation:
    """Record the user's attestation for a saved page or document (and its audit event)."""
    content_type, object_id = _key(obj)
    with transaction.atomic():
        attestation = RestrictedAttestation.objects.create(
            content_type=content_type,
            object_id=object_id,
            text_version=ATTESTATION_VERSION,
            text_hash=ATTESTATION_HASH,
            reference=reference.strip(),
            by=user,
        )
        audit_record(
            action="courses.restricted_attestation",
            actor=user,
            obj=obj,
            data={
                "text_version": ATTESTATION_VERSION,
                "text_hash": ATTESTATION_HASH,
                "text": ATTESTATION_TEXT,
                "reference": attestation.reference,
                "attestation": attestation.pk,
            },
            at=attestation.at,
        )
    return attestation


# -- publication ---------------------------------------------------------------------------------


def publication_refusal(page, user) -> str | None:
    """Why ``user`` may not publish this page (None: they may). ``page`` is the version being
    published (a revision's object). ``user`` None: publishing by code, attestation only."""
    from .permissions import user_is_institute_manager

    if not isinstance(page, (CoursePage, LessonPage)) or not page_is_restricted(page):
        return None
    course = course_of(page)
    if user is not None and not (
        user.is_superuser or (course is not None and user_is_institute_manager(user=user, institute=course.institute))
    ):
        return _("Restricted material is published only by the institute's manager: submit it for review instead.")
    if attestation_on_record(page) is None:
        return _(
            "Restricted material is published only after its uploader's attestation that it is not designated "
            "방위산업기술, 비밀 or 전략기술. Open it, tick the attestation and save it first."
        )
    return None


# -- documents -----------------------------------------------------------------------------------


def document_own_sensitivity(document) -> str:
    label = DocumentLabel.objects.filter(document_id=document.pk).values_list("sensitivity", flat=True).first()
    return label or Sensitivity.PUBLIC


def document_courses(document, *, restricted_only: bool = False) -> list[tuple[CoursePage, LessonPage | None]]:
    """(course, lesson) of every live lesson and live course page of the document's institute whose
    published content uses it (other institutes' pages cannot: ``courses.forms`` refuses them).
    ``restricted_only``: look only at restricted lessons and courses (enough to tell whether a
    document its own label leaves unrestricted is restricted by use; most requests stop there)."""
    from django.db.models import Q
    from wagtail.documents import get_document_model

    from .access import references_of
    from .permissions import institute_of_collection, under_paths

    owner = institute_of_collection(document.collection_id)
    if owner is None:
        return []
    wanted = (get_document_model(), str(document.pk))
    courses = {course.path: course for course in CoursePage.objects.live().filter(path__startswith=owner.path)}
    lessons = LessonPage.objects.live().filter(path__startswith=owner.path)
    if restricted_only:
        courses = {path: c for path, c in courses.items() if c.sensitivity == Sensitivity.RESTRICTED}
        restricted_lesson = Q(sensitivity=Sensitivity.RESTRICTED)
        lessons = lessons.filter(restricted_lesson | under_paths(list(courses)) if courses else restricted_lesson)
    found = []
    for course in courses.values():
        if wanted in references_of(course):
            found.append((course, None))
    for lesson in lessons:
        if wanted in references_of(lesson):
            course = next((c for path, c in courses.items() if lesson.path.startswith(path)), None)
            course = course or course_of(lesson)  # a restricted lesson of an unrestricted course
            if course is not None and course.live:
                found.append((course, lesson))
    return found


def document_sensitivity(document, *, uses=None) -> str:
    """The effective label: the highest of the document's own and those of the live pages using it."""
    uses = document_courses(document) if uses is None else uses
    labels = [document_own_sensitivity(document)]
    for course, lesson in uses:
        labels.append(page_sensitivity(lesson, course=course) if lesson is not None else course.sensitivity)
    return highest(*labels)


def document_extension(document) -> str:
    return (document.file_extension or "").lower()


def restricted_document_refusal(filename: str) -> str | None:
    """What cannot be stamped (or overlaid, for videos) is not accepted as restricted."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension in STAMPABLE_EXTENSIONS + VIDEO_EXTENSIONS + ("vtt",):  # captions go with their video
        return None
    return _(
        "Only PDF files (stamped with each viewer's watermark) and videos (shown with a watermark overlay) "
        "can be restricted. Convert this file to PDF, or choose another label."
    )


def save_pending_document_label(sender, instance, **kwargs):
    """``post_save`` of documents: write the label (and attestation) the document form accepted,
    whether the form saved the document itself or its view did (``LabelledDocumentForm``)."""
    pending = getattr(instance, "_pending_label", None)
    if pending is None:
        return
    instance._pending_label = None
    sensitivity, attest_by, reference, actor = pending
    previous = document_own_sensitivity(instance)
    with transaction.atomic():
        if sensitivity != previous:  # every change of a document's label is on record, who and when
            audit_record(
                action="courses.document_label_changed",
                actor=actor,
                obj=instance,
                data={"from": previous, "to": sensitivity},
            )
        if sensitivity == Sensitivity.PUBLIC:
            DocumentLabel.objects.filter(document_id=instance.pk).delete()
        else:
            DocumentLabel.objects.update_or_create(document_id=instance.pk, defaults={"sensitivity": sensitivity})
        if attest_by is not None and sensitivity == Sensitivity.RESTRICTED:
            attest(obj=instance, user=attest_by, reference=reference)
