"""모사답안 (DOMAIN-KR §1.6, 적용기준 1): text both trainees quote from the course itself (the question,
the assignment's instructions, the lesson, the answer template) is not evidence of copying; what
they wrote themselves still is."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services, similarity
from assessments.models import SimilarityCase
from common import similarity as engine
from courses.models import FundingScheme
from tests import factories as f

pytestmark = pytest.mark.django_db

# What the course gives: the instructions of the essay question (and of an assignment) and a lesson;
# careful trainees quote both at length (QUOTED: over 700 characters once normalised, more than ten
# times each answer's own words).
INSTRUCTIONS = (
    "다음 상황을 읽고 답하시오. 소형 무인비행장치를 이용한 시설 점검 임무에서 조종자는 비행 전에 "
    "기체 외관, 프로펠러 체결 상태, 배터리 전압과 온도, 조종기와 기체의 통신 연결, GPS 위성 수신 수, "
    "비행 모드 설정, 비상 귀환 고도와 지점, 비행 금지 구역과 제한 구역 해당 여부, 기상 조건(풍속, 강수, "
    "시정)을 차례로 확인하여야 한다. 또한 임무 지역 주변의 사람과 차량, 전선과 구조물 같은 장애물을 "
    "파악하고, 이륙과 착륙 지점을 정하며, 비상 시 수동 조종으로 전환하는 절차를 팀원과 공유하여야 한다. "
    "위 점검 항목 가운데 가장 중요하다고 생각하는 항목 하나를 고르고, 그 이유를 자신의 경험에 비추어 "
    "서술하시오. 답안에는 점검 순서와 확인 방법, 이상이 발견되었을 때의 조치를 포함하여야 한다."
)
LESSON = (
    "리튬폴리머 배터리는 셀당 공칭 전압이 3.7볼트이며 완전 충전 시 4.2볼트에 이른다. 셀 전압이 3.5볼트 "
    "아래로 떨어지면 출력이 급격히 줄어 기체가 추락할 수 있으므로 비행 전 전압 확인과 비행 중 전압 경고 "
    "설정은 반드시 지켜야 하는 안전 수칙이다. 부풀어 오른 배터리는 내부 손상이 진행된 것이므로 즉시 사용을 "
    "중단하고 방화 용기에 보관한 뒤 지정된 절차에 따라 폐기한다. 겨울철에는 배터리 온도가 낮아 내부 저항이 "
    "커지므로 이륙 전에 배터리를 보온하고 짧은 호버링으로 상태를 확인한 뒤 임무를 시작한다."
)
QUOTED = INSTRUCTIONS + "\n" + LESSON
OWN_A = "저는 배터리 전압을 가장 중요하게 봅니다. 작년 겨울 현장에서 전압 경고를 무시했다가 기체가 급강하한 일이 있었습니다."
OWN_B = "통신 연결 확인이 제일 중요합니다. 전파 간섭이 심한 공장 지붕에서 조종기 신호가 끊겨 자동 귀환이 시작된 적이 있기 때문입니다."


def funded_run(course):
    today = timezone.localdate()
    return f.course_run(
        course,
        title="2026년 1차",
        emp_ins_flag=FundingScheme.EMPLOYER,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="1차",
        training_start=today - datetime.timedelta(days=10),
        training_end=today + datetime.timedelta(days=10),
    )


@pytest.fixture
def world():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    course.save_revision().publish()
    f.lesson_page(course, body=[{"type": "paragraph", "value": f"<p>{LESSON}</p>"}])
    bank = f.question_bank(institute, course)
    essay = f.question(bank, "essay", text=INSTRUCTIONS, points="10")
    quiz = f.quiz_page(course, [essay], max_attempts=1)
    quiz.save_revision().publish()
    return {"institute": institute, "course": course, "essay": essay, "quiz": quiz, "run": funded_run(course)}


def answer_essay(world, text):
    enrolment = f.enrolment(world["run"], progress_percent=100)
    attempt = services.attempt_start(quiz=world["quiz"], user=enrolment.user)
    return services.attempt_submit(attempt=attempt, raw_answers={world["essay"].pk: [text]})


def test_the_quoted_instructions_alone_would_pass_the_threshold():
    """The premise of the tests below: without leaving the course's text out, the two honest answers
    are over 90 % alike."""
    a, b = QUOTED + "\n" + OWN_A, QUOTED + "\n" + OWN_B
    assert engine.is_flagged(engine.text_similarity(a, b))
    content = engine.content_ngrams([INSTRUCTIONS, LESSON])
    assert not engine.is_flagged(engine.text_similarity(a, b, content=content))


def test_two_answers_quoting_the_question_and_lesson_at_length_but_otherwise_different_are_not_queued(world):
    answer_essay(world, QUOTED + "\n\n" + OWN_A)
    answer_essay(world, QUOTED + "\n\n" + OWN_B)

    assert similarity.similarity_check(course=world["course"]) == []
    assert not SimilarityCase.objects.exists()


def test_two_copied_answers_are_still_queued_though_both_quote_the_question(world):
    copied = OWN_A.replace("작년 겨울", "지난 겨울")  # one word changed
    answer_essay(world, QUOTED + "\n\n" + OWN_A)
    answer_essay(world, QUOTED + "\n\n" + copied)

    (case,) = similarity.similarity_check(course=world["course"])

    assert case.item_key == f"question:{world['essay'].pk}"
    assert case.score >= similarity.threshold()
    # the reviewer reads how much of the answers was the course's own text
    assert case.evidence["method"] == "text" and case.evidence["quoted"] > 0.9


def test_the_reviewer_reads_how_much_course_text_was_left_out(client, world):
    answer_essay(world, QUOTED + "\n\n" + OWN_A)
    answer_essay(world, QUOTED + "\n\n" + OWN_A)
    (case,) = similarity.similarity_check(course=world["course"])

    client.force_login(f.instructor_of(world["institute"]))
    page = client.get(reverse("similarity:case", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert f"비교 전 제외한 과정 내용: {case.quoted_percent} %" in page and int(case.quoted_percent) > 90


def test_a_lesson_quoted_in_an_assignment_is_left_out(world):
    """The lesson's text counts as the course's, not only the item's own instructions."""
    from assessments.models import AssignmentSubmission

    assignment = f.assignment_page(world["course"], submission_type="text")
    texts = [
        LESSON + own
        for own in (
            "겨울철 배터리 보온을 가장 먼저 챙겨야 한다고 봅니다",
            "조종기 신호가 끊길 때의 귀환 설정이 먼저입니다",
        )
    ]
    # alike only in what they quote from the lesson (the question's text alone would not explain it)
    assert engine.is_flagged(engine.text_similarity(*texts, content=engine.content_ngrams([INSTRUCTIONS])))
    for text in texts:
        enrolment = f.enrolment(world["run"], progress_percent=100)
        AssignmentSubmission.objects.create(
            assignment=assignment, enrolment=enrolment, user=enrolment.user, state="submitted", text=text
        )

    assert similarity.similarity_check(course=world["course"]) == []


def test_the_assignments_own_instructions_are_left_out_and_copies_still_flag(world):
    from assessments.models import AssignmentSubmission

    assignment = f.assignment_page(world["course"], submission_type="text", instructions=f"<p>{INSTRUCTIONS}</p>")
    own_texts = (OWN_A, OWN_B, OWN_B.replace("공장 지붕", "공장 옥상"))
    submissions = []
    for own in own_texts:
        enrolment = f.enrolment(world["run"], progress_percent=100)
        submissions.append(
            AssignmentSubmission.objects.create(
                assignment=assignment,
                enrolment=enrolment,
                user=enrolment.user,
                state="submitted",
                text=INSTRUCTIONS + own,
            )
        )

    cases = [c for c in similarity.similarity_check(course=world["course"]) if c.kind == "assignment"]

    assert [{c.object_a, c.object_b} for c in cases] == [{submissions[1].pk, submissions[2].pk}]


def test_an_answer_that_is_nothing_but_the_course_text_is_not_compared(world):
    answer_essay(world, INSTRUCTIONS)
    answer_essay(world, INSTRUCTIONS + " " + LESSON)
    assert similarity.similarity_check(course=world["course"]) == []


def test_a_short_common_phrase_found_in_a_lesson_is_not_cut():
    """Only quotations of some length are cut: "비행 전 점검" (a few words) stays in the answer."""
    content = engine.content_ngrams([LESSON, "비행 전 점검"])
    text = engine.normalise("비행 전 점검 후 이륙합니다")
    assert engine.strip_content(text, content) == text
    quoted = engine.normalise("배터리는 셀당 공칭 전압이 3.7볼트이며 추가로")
    assert engine.strip_content(quoted, content) == "추가로"
