"""The demo's 공지사항 and 질의응답 (``data/community.json``).

``load_community_demo`` (called by ``load_demo_data``): two site-wide notices (one pinned, one
important), a notice of the demo trainee's course, and three questions by the demo trainee in
that course (one answered, one waiting, one public and answered). Idempotent: a notice or a
question whose title is already there is not written again.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import User
from community import services
from community.models import Notice, Question, Reply
from courses.models import Enrolment, InstitutePage

from .demo import content


def load_community_demo() -> None:
    data = content.read("community")
    now = timezone.now()
    admin = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    for item in data["site_notices"]:
        if admin is not None and not Notice.objects.filter(title=item["title"], course__isnull=True).exists():
            services.notice_save(
                notice=Notice(
                    title=item["title"],
                    body=item["body"],
                    pinned=item["pinned"],
                    important=item["important"],
                    published_at=now - datetime.timedelta(days=item["days_ago"]),
                ),
                actor=admin,
            )

    trainee = User.objects.filter(email__iexact=data["trainee"]).first()
    instructor = User.objects.filter(email__iexact=data["instructor"]).first()
    enrolment = (
        Enrolment.objects.studying().filter(user=trainee).select_related("run__course").order_by("pk").first()
        if trainee is not None
        else None
    )
    if enrolment is None:
        return
    course = enrolment.run.course
    institute = InstitutePage.objects.ancestor_of(course).get()
    staff = User.objects.filter(
        groups__in=[g for g in (institute.instructors_group_id, institute.managers_group_id) if g], is_active=True
    )
    answerer = (instructor if instructor is not None and staff.filter(pk=instructor.pk).exists() else None) or (
        staff.order_by("pk").first() or admin
    )
    item = data["course_notice"]
    if not Notice.objects.filter(title=item["title"], course=course).exists():
        services.notice_save(
            notice=Notice(
                course=course,
                title=item["title"],
                body=item["body"],
                published_at=now - datetime.timedelta(days=item["days_ago"]),
            ),
            actor=instructor or admin,
        )
    for item in data["questions"]:
        if Question.objects.filter(asker=trainee, course=course, title=item["title"]).exists():
            continue
        question = services.question_ask(
            user=trainee, course=course, title=item["title"], body=item["body"], visibility=item["visibility"]
        )
        asked_at = now - datetime.timedelta(days=item["days_ago"])
        Question.objects.filter(pk=question.pk).update(created_at=asked_at, waiting_since=asked_at)
        if item["answer"] and answerer is not None:
            reply = services.reply_add(question=question, author=answerer, body=item["answer"])
            answered_at = asked_at + datetime.timedelta(hours=5)
            Reply.objects.filter(pk=reply.pk).update(created_at=answered_at)
            Question.objects.filter(pk=question.pk).update(answered_at=answered_at)
