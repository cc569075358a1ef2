"""A completed funded trainee with something in every section of the evidence pack, for the tests
of DOMAIN-KR §1.9: progress and the daily ledger on two 차시, both tests, a graded 과제, a 모사
case, a staff override with its reason. Reuses the funded course of the assessment tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import User
from courses.models import Enrolment, LessonProgress
from courses.services import completion_override
from tests import factories as f
from tests.assessments.funded_support import END, kst
from tests.assessments.test_completion_decision import FINAL, completed_trainee
from tests.support.funded import studied


def evidence_world(world) -> dict:
    """``world`` is the completion-decision fixture (a funded run that ended on END)."""
    lessons = [f.lesson_page(world["course"], f"{n}차시", minutes=1) for n in (1, 2)]
    enrolment, submission = completed_trainee(world, text="정비 보고서 본문")
    User.objects.filter(pk=enrolment.user_id).update(
        name_ko="홍길동",
        name_en="Gildong Hong",
        email="hong.gildong@drone.example",
        birth_date=datetime.date(1990, 5, 17),
    )
    studied(enrolment, lessons, END - datetime.timedelta(days=3))
    LessonProgress.objects.filter(enrolment=enrolment).update(
        started_at=kst(END - datetime.timedelta(days=3), 9, 0, 5),
        final_activity_at=kst(END - datetime.timedelta(days=3), 9, 1, 7),
    )
    completion_override(
        enrolment=enrolment, complete=False, reason="대리수강 적발 (공단 통보)", actor=world["manager"], now=FINAL
    )
    return {
        **world,
        "lessons": lessons,
        "enrolment": Enrolment.objects.select_related("user", "run").get(pk=enrolment.pk),
        "submission": submission,
        "today": timezone.localdate(),
    }
