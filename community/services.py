"""Writes of the notice board and the question board; each validates and writes in one transaction.

Notifications go through ``notifications.services.notify`` in the same transaction (their e-mail
follows after commit). A notice is announced once (``Notice.announced_at``, and the notifications'
``key="notice:<id>"``), when its publication time has come: at once when it is saved as due, else
by the beat task ``community.tasks.notices_announce_due_task``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrolment, InstitutePage
from courses.permissions import policy_for
from notifications.services import notify
from pagecache.generation import bump_generation

from .models import Notice, Question, Reply

#: Site-wide notices reach every active user: notified in batches of this many.
ANNOUNCE_BATCH = 1000


class CommunityError(ValidationError):
    """A question or answer that cannot be written (its message names why)."""


class RateLimited(CommunityError):
    """A trainee asked or followed up more than ``POSTS_PER_HOUR`` times in the hour (the view answers 429)."""


#: Questions and follow-ups one trainee may write in ``POSTS_WINDOW_SECONDS`` (each tells staff by e-mail).
POSTS_PER_HOUR = 10
POSTS_WINDOW_SECONDS = 3600


def _posts_key(user) -> str:
    return f"academy:community-posts:{user.pk}"


def _posts_check(user) -> None:
    """Refuse a trainee's question or follow-up once the hour's allowance is used up."""
    from django.core.cache import cache

    if (cache.get(_posts_key(user)) or 0) >= POSTS_PER_HOUR:
        raise RateLimited(
            _("You have written %(count)d questions and follow-ups in the last hour. Please try again later.")
            % {"count": POSTS_PER_HOUR}
        )


def _posts_count(user) -> None:
    """Count one question or follow-up in the user's window (a fixed window from the first one)."""
    from django.core.cache import cache

    key = _posts_key(user)
    if not cache.add(key, 1, POSTS_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # the window ended between add and incr
            cache.set(key, 1, POSTS_WINDOW_SECONDS)


# --------------------------------------------------------------------------------------------
# Notices
# --------------------------------------------------------------------------------------------


def notice_save(*, notice: Notice, actor) -> Notice:
    """Write a new or changed notice (its institute follows its course) and announce it if due."""
    if notice.run_id is not None:
        notice.course_id = notice.run.course_id
    if notice.course_id is not None:
        course = CoursePage.objects.get(pk=notice.course_id)
        notice.institute = InstitutePage.objects.ancestor_of(course).get()
    else:
        notice.institute = None
        if not (actor is not None and actor.is_superuser):
            raise PermissionDenied  # site-wide notices are the administrators'
    if notice.pk is None and actor is not None:
        notice.author = actor
    with transaction.atomic():
        notice.save()
        if notice.announced_at is None and notice.published_at <= timezone.now():
            from .tasks import notice_announce_task

            notice_id = notice.pk
            transaction.on_commit(lambda: notice_announce_task.delay(notice_id))
    return notice


def notice_recipients(notice: Notice):
    """Ids of the people a notice concerns: the run's or the course's trainees, or every active user."""
    if notice.run_id is not None:
        rows = Enrolment.objects.studying().filter(run_id=notice.run_id)
        return rows.values_list("user_id", flat=True).distinct()
    if notice.course_id is not None:
        rows = Enrolment.objects.studying().filter(run__course_id=notice.course_id)
        return rows.values_list("user_id", flat=True).distinct()
    return get_user_model().objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)


def notice_announce(*, notice_id: int) -> int:
    """Tell the people concerned about a due notice (once; safe to run twice). Returns how many
    notifications were written."""
    notice = Notice.objects.filter(pk=notice_id).first()
    if notice is None or notice.announced_at is not None or notice.published_at > timezone.now():
        return 0
    kind = "notice_important" if notice.important else "notice"
    message = format_lazy(_("New notice: {title}"), title=notice.title)
    url = reverse("community:notice", args=[notice.pk])
    written = 0
    batch: list[int] = []
    for user_id in notice_recipients(notice).iterator(chunk_size=ANNOUNCE_BATCH):
        batch.append(user_id)
        if len(batch) >= ANNOUNCE_BATCH:
            with transaction.atomic():
                written += notify(users=batch, kind=kind, message=message, url=url, key=f"notice:{notice.pk}")
            batch = []
    with transaction.atomic():
        written += notify(users=batch, kind=kind, message=message, url=url, key=f"notice:{notice.pk}")
        Notice.objects.filter(pk=notice.pk, announced_at__isnull=True).update(announced_at=timezone.now())
    bump_generation()  # a scheduled notice shows on cached public pages from now on
    return written


def notices_due() -> list[int]:
    """Ids of published notices not yet announced."""
    return list(
        Notice.objects.filter(announced_at__isnull=True, published_at__lte=timezone.now()).values_list("pk", flat=True)
    )


# --------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------


def _question_url(question: Question) -> str:
    return reverse("community:question", args=[question.course_id, question.pk])


def _staff_to_tell(question: Question) -> list[int]:
    """The run's instructors; else the institute's managers (its instructors when it has none)."""
    ids = list(question.run.instructors.filter(is_active=True).values_list("pk", flat=True))
    if ids:
        return ids
    institute = InstitutePage.objects.ancestor_of(question.course).get()
    User = get_user_model()
    for group_id in (institute.managers_group_id, institute.instructors_group_id):
        if group_id:
            ids = list(User.objects.filter(groups=group_id, is_active=True).values_list("pk", flat=True))
            if ids:
                return ids
    return []


def question_ask(*, user, course: CoursePage, title: str, body: str, visibility: str) -> Question:
    """A trainee studying in a run of ``course`` asks; the staff are told (kind ``question_asked``)."""
    enrolment = (
        Enrolment.objects.studying()
        .filter(user=user, run__course=course)
        .select_related("run")
        .order_by("-created_at")
        .first()
    )
    if enrolment is None:
        raise CommunityError(_("Only trainees of this course can ask questions here."))
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise CommunityError(_("Give your question a title and a text."))
    if visibility not in Question.Visibility.values:
        raise CommunityError(_("Choose who can read the question."))
    _posts_check(user)
    now = timezone.now()
    with transaction.atomic():
        question = Question.objects.create(
            course=course,
            run=enrolment.run,
            asker=user,
            title=title,
            body=body,
            visibility=visibility,
            created_at=now,
            waiting_since=now,
        )
        notify(
            users=_staff_to_tell(question),
            kind="question_asked",
            message=format_lazy(_("New question in {course}: {title}"), course=course.title, title=title),
            url=reverse("community_questions:inspect", args=[question.pk]),
            key=f"question:{question.pk}",
        )
    _posts_count(user)
    return question


def reply_add(*, question: Question, author, body: str) -> Reply:
    """An answer by the course institute's staff, or a follow-up by the asker.

    An answer tells the asker (``question_answered``) and ends the wait; a follow-up tells the staff
    who answered (or, before any answer, the staff told of the question) and the question waits
    again."""
    body = body.strip()
    if not body:
        raise CommunityError(_("Write an answer."))
    by_staff = policy_for(Question).user_has_permission_for_instance(author, "change", question)
    if not by_staff and author.pk != question.asker_id:
        raise PermissionDenied
    if not by_staff:
        if not asker_may_follow_up(question):
            raise PermissionDenied  # withdrawn or removed from the run: the thread is read-only
        _posts_check(author)
    now = timezone.now()
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        reply = Reply.objects.create(question=question, author=author, body=body, by_staff=by_staff, created_at=now)
        if by_staff:
            question.waiting_since = None
            if question.answered_at is None:
                question.answered_at = now
            if author.pk != question.asker_id:
                notify(
                    users=[question.asker_id],
                    kind="question_answered",
                    message=format_lazy(_("Your question was answered: {title}"), title=question.title),
                    url=_question_url(question),
                    key=f"reply:{reply.pk}",
                )
        else:
            question.waiting_since = question.waiting_since or now
            answered_by = list(
                question.replies.filter(by_staff=True).exclude(author_id=author.pk).values_list("author_id", flat=True)
            )
            notify(
                users=answered_by or _staff_to_tell(question),
                kind="question_asked",
                message=format_lazy(_("Follow-up question: {title}"), title=question.title),
                url=reverse("community_questions:inspect", args=[question.pk]),
                key=f"reply:{reply.pk}",
            )
        question.save(update_fields=["waiting_since", "answered_at"])
    if not by_staff:
        _posts_count(author)
    return reply


def asker_may_follow_up(question: Question) -> bool:
    """The asker follows up while they study in the question's run (active or completed), not once
    withdrawn or removed."""
    return Enrolment.objects.studying().filter(user_id=question.asker_id, run_id=question.run_id).exists()


def staff_may_answer(user, question: Question) -> bool:
    return policy_for(Question).user_has_permission_for_instance(user, "change", question)
