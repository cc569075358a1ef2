"""1일 8차시 (DOMAIN-KR §1.2): a study-day ledger per enrolment and Korean calendar day; a 9th distinct
차시 is refused before it opens and earns nothing; revisits at 100 % and 차시 already in today's
ledger open; midnight KST starts a new day; at most 8 hours a day are credited."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django.utils import timezone

from compliance.models import StudyDayLesson
from compliance.selectors import daily_study, daily_study_for
from compliance.services import study_day_credit
from courses import gates, services
from courses.models import FundingScheme, LessonProgress, StudyClock
from courses.progress_rule import kst_date
from tests.support.funded import CAP_WORDING, DAY, kst, studied

pytestmark = pytest.mark.django_db

NEXT_DAY = DAY + datetime.timedelta(days=1)


def beats(funded, lesson, *, start: datetime.datetime, seconds: int = 30):
    """A lesson on screen from ``start`` for ``seconds`` (a heartbeat every 15 s)."""
    progress = services.progress_heartbeat(user=funded["user"], lesson=lesson, resume=True, now=start)
    for second in range(15, seconds + 1, 15):
        progress = services.progress_heartbeat(
            user=funded["user"], lesson=lesson, now=start + datetime.timedelta(seconds=second)
        )
    return progress


def ledger(funded, day) -> list[int]:
    return list(
        StudyDayLesson.objects.filter(enrolment=funded["enrolment"], day=day)
        .order_by("lesson__path")
        .values_list("lesson_id", flat=True)
    )


def test_heartbeats_write_the_ledger_of_the_korean_day(funded):
    first = funded["lessons"][0]

    beats(funded, first, start=kst(DAY, 10), seconds=45)

    row = StudyDayLesson.objects.get()
    assert (row.enrolment_id, row.day, row.lesson_id, row.seconds) == (funded["enrolment"].pk, DAY, first.pk, 45)


def test_a_ninth_lesson_is_refused_on_the_same_day_and_allowed_the_next(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], DAY)
    ninth = lessons[8]

    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=ninth, now=kst(DAY, 15)) == CAP_WORDING
    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=ninth, now=kst(NEXT_DAY, 9)) is None


def test_the_heartbeat_credits_nothing_for_a_ninth_lesson(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], DAY)
    ninth = lessons[8]

    refused = beats(funded, ninth, start=kst(DAY, 15))
    assert refused.seconds_studied == 0
    assert ninth.pk not in ledger(funded, DAY)

    allowed = beats(funded, ninth, start=kst(NEXT_DAY, 9))
    assert allowed.seconds_studied == 30
    assert ledger(funded, NEXT_DAY) == [ninth.pk]


def test_the_lesson_page_answers_403_with_the_regulations_wording(client, funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], kst_date(timezone.now()))
    client.force_login(funded["user"])

    response = client.get(lessons[8].url)

    assert response.status_code == 403
    assert CAP_WORDING in response.content.decode()
    assert client.get(lessons[7].url).status_code == 200  # in today's ledger: reopens


def test_a_lesson_in_todays_ledger_reopens_and_keeps_earning(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:7], DAY)
    studied(funded["enrolment"], lessons[7:8], DAY, seconds=30, finished=False)  # the 8th at 50 %
    eighth = lessons[7]

    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=eighth, now=kst(DAY, 16)) is None
    progress = beats(funded, eighth, start=kst(DAY, 16), seconds=30)

    assert progress.seconds_studied == 60
    assert len(ledger(funded, DAY)) == 8


def test_revisiting_a_lesson_at_100_percent_opens_and_uses_no_slot(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], DAY - datetime.timedelta(days=1))  # finished yesterday
    studied(funded["enrolment"], lessons[8:16], DAY)  # today's 8 slots used
    first = lessons[0]

    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=first, now=kst(DAY, 17)) is None
    progress = beats(funded, first, start=kst(DAY, 17), seconds=60)

    assert progress.seconds_studied == 60  # nothing more
    assert first.pk not in ledger(funded, DAY) and len(ledger(funded, DAY)) == 8
    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=lessons[16], now=kst(DAY, 17)) == CAP_WORDING


def test_a_revisit_at_100_percent_does_not_take_a_slot_on_a_fresh_day(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:1], DAY - datetime.timedelta(days=1))

    beats(funded, lessons[0], start=kst(DAY, 9), seconds=60)

    assert ledger(funded, DAY) == []
    assert daily_study(funded["enrolment"], now=kst(DAY, 9, 5)).lessons == 0


def test_midnight_in_korea_starts_a_new_day(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], DAY)
    ninth = lessons[8]
    before_midnight = kst(DAY, 23, 59, 50)
    after_midnight = kst(NEXT_DAY, 0, 0, 10)
    # UTC is 15:00 then: a UTC day would not have turned.
    assert before_midnight.astimezone(datetime.UTC).date() == after_midnight.astimezone(datetime.UTC).date()

    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=ninth, now=before_midnight) == CAP_WORDING
    assert gates.open_refusal(enrolment=funded["enrolment"], lesson=ninth, now=after_midnight) is None

    services.progress_heartbeat(user=funded["user"], lesson=ninth, resume=True, now=before_midnight)
    at_1159_55 = services.progress_heartbeat(
        user=funded["user"], lesson=ninth, now=before_midnight + datetime.timedelta(seconds=5)
    )
    assert at_1159_55.seconds_studied == 0
    after = services.progress_heartbeat(user=funded["user"], lesson=ninth, now=after_midnight)
    assert after.seconds_studied == 15  # 23:59:55 → 00:00:10, credited on the new day
    assert ledger(funded, NEXT_DAY) == [ninth.pk]


@override_settings(ACADEMY_FUNDED_DAILY_SECONDS=8 * 3600)
def test_at_most_eight_hours_are_credited_a_day(funded):
    lessons = funded["lessons"]
    enrolment = funded["enrolment"]
    studied(enrolment, lessons[:3], DAY, seconds=8 * 3600 // 3 - 5)  # 15 s left today

    assert study_day_credit(enrolment=enrolment, lesson=lessons[3], seconds=40, now=kst(DAY, 20)) == 15
    assert study_day_credit(enrolment=enrolment, lesson=lessons[3], seconds=40, now=kst(DAY, 20, 1)) == 0
    assert study_day_credit(enrolment=enrolment, lesson=lessons[3], seconds=40, now=kst(NEXT_DAY, 8)) == 40


def test_the_daily_cap_is_a_setting(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:3], DAY)

    with override_settings(ACADEMY_FUNDED_DAILY_LESSONS=3):
        refusal = gates.open_refusal(enrolment=funded["enrolment"], lesson=lessons[3], now=kst(DAY, 12))

    assert refusal and "3차시" in refusal


def test_todays_study_reads_n_of_8(funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:5], DAY, seconds=600)
    studied(funded["enrolment"], lessons[5:6], DAY - datetime.timedelta(days=1))

    today = daily_study(funded["enrolment"], now=kst(DAY, 12))

    assert (today.day, today.lessons, today.lesson_cap, today.lessons_left, today.at_cap) == (DAY, 5, 8, 3, False)
    assert today.seconds == 3000 and today.seconds_cap == 8 * 3600
    assert daily_study_for([funded["enrolment"].pk], now=kst(NEXT_DAY, 0, 0, 1))[funded["enrolment"].pk].lessons == 0


def test_unfunded_runs_have_no_ledger_and_no_cap(client, funded):
    run = funded["run"]
    run.emp_ins_flag = FundingScheme.UNFUNDED
    run.save()
    lessons = funded["lessons"]
    for n, lesson in enumerate(lessons[:10]):
        beats(funded, lesson, start=kst(DAY, 9) + datetime.timedelta(minutes=5 * n), seconds=60)

    assert not StudyDayLesson.objects.exists()
    assert LessonProgress.objects.filter(seconds_studied=60).count() == 10
    client.force_login(funded["user"])
    assert client.get(lessons[10].url).status_code == 200


def test_nothing_after_the_training_period_reaches_the_ledger(funded):
    run = funded["run"]
    run.training_end = DAY
    run.save()

    progress = beats(funded, funded["lessons"][0], start=kst(NEXT_DAY, 0, 0, 5))

    assert progress.seconds_studied == 0 and not StudyDayLesson.objects.exists()


def test_the_heartbeat_says_why_a_tab_opened_before_the_cap_earns_nothing(client, funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], kst_date(timezone.now()))
    client.force_login(funded["user"])

    data = client.post(f"/learn/lessons/{lessons[8].pk}/heartbeat/", {"resume": "1"}).json()
    assert data["refused"] == ""  # a fresh start credits nothing anyway
    StudyClock.objects.filter(user=funded["user"]).update(
        last_credited_at=timezone.now() - datetime.timedelta(seconds=15)
    )
    data = client.post(f"/learn/lessons/{lessons[8].pk}/heartbeat/").json()

    assert data["seconds_studied"] == 0
    assert data["refused"] == CAP_WORDING


def test_the_last_page_of_a_lesson_the_cap_refuses_is_not_recorded(client, funded):
    """Review: the 9th 차시 of a day does not open (403), so neither its 'finish' button nor a
    heartbeat's end marker may take it to 100 % that day; the next day they do."""
    lessons = funded["lessons"]
    ninth = lessons[8]
    studied(funded["enrolment"], [ninth], DAY - datetime.timedelta(days=1), finished=False)  # time there: 99 %
    studied(funded["enrolment"], lessons[:8], DAY)

    with pytest.raises(services.EnrolmentError) as refused:
        services.lesson_complete(user=funded["user"], lesson=ninth, now=kst(DAY, 15))
    assert str(refused.value) == CAP_WORDING
    progress = services.progress_heartbeat(user=funded["user"], lesson=ninth, reached_end=True, now=kst(DAY, 15))
    assert progress.credit_refusal == CAP_WORDING
    progress.refresh_from_db()
    assert progress.final_activity_at is None and progress.completed_at is None
    assert gates.lesson_percent_of(progress, ninth) == 99

    done = services.lesson_complete(user=funded["user"], lesson=ninth, now=kst(NEXT_DAY, 9))
    assert done.final_activity_at is not None and done.completed_at is not None


def test_the_finish_button_of_a_refused_lesson_says_why(client, funded):
    lessons = funded["lessons"]
    studied(funded["enrolment"], lessons[:8], kst_date(timezone.now()))
    client.force_login(funded["user"])

    response = client.post(f"/learn/lessons/{lessons[8].pk}/complete/")

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [CAP_WORDING]
    assert not LessonProgress.objects.filter(lesson=lessons[8], final_activity_at__isnull=False).exists()
