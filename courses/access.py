"""What a trainee may open: a course's lessons (``may_study``) and the documents in the library.

The institute roles themselves (who is an institute's staff or manager) are ``courses.permissions``.
"""

from __future__ import annotations

from wagtail.documents import get_document_model

from .models import COURSE_DEPTH, CoursePage, Enrolment, LessonPage
from .permissions import institute_of_collection, under_paths, user_is_institute_staff


def may_study(*, user, course: CoursePage, enrolment: Enrolment | None) -> bool:
    """May this user open the course's lessons? The one answer, for every page, view and app.

    Trainees whose enrolment in a run of the course studies (active or completed: ``enrolment``,
    the one ``selectors.studying_enrolment`` reads, which the caller usually needs anyway) and the
    course's institute staff (administrators included) may; nobody else.
    """
    if not user.is_authenticated:
        return False
    return enrolment is not None or user_is_institute_staff(user=user, institute=course.institute)


def references_of(page) -> set[tuple[type, str]]:
    """(model, id) of every object the page's own fields refer to (blocks, rich text), as stored
    in its row: for a live page, its published content, never a draft."""
    found = set()
    for model_field in page._meta.concrete_fields:
        if hasattr(model_field, "extract_references"):
            value = getattr(page, model_field.attname)
            if value:
                found.update((model, str(pk)) for model, pk, *_rest in model_field.extract_references(value))
    return found


def user_can_download_document(*, user, document) -> bool:
    """Who may download a document from the library.

    A document in an institute's collection (or a collection inside it) is protected: it opens for
    that institute's staff, and for trainees studying in a run of one of *that institute's* courses
    whose *live* lesson uses it. A reference in a draft, or in another institute's lesson, opens
    nothing (the lesson forms refuse other institutes' documents anyway, ``courses.forms``).
    Documents outside every institute's collection, such as the home page's, are public.
    Administrators open everything.
    """
    owner = institute_of_collection(document.collection_id)
    if owner is None:
        return True
    if not user.is_authenticated:
        return False
    if user_is_institute_staff(user=user, institute=owner):
        return True
    course_paths = list(
        CoursePage.objects.filter(
            path__startswith=owner.path,
            depth=COURSE_DEPTH,
            pk__in=Enrolment.objects.studying().filter(user=user).values("run__course_id"),
        ).values_list("path", flat=True)
    )
    if not course_paths:
        return False
    wanted = (get_document_model(), str(document.pk))
    lessons = LessonPage.objects.live().filter(under_paths(course_paths))
    return any(wanted in references_of(lesson) for lesson in lessons)
