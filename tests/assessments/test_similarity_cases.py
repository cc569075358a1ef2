"""모사답안 (DOMAIN-KR §1.6) end to end: essays of a funded run compared after each submission and
nightly (per run and across runs of the course), pairs ≥ 90 % queued once, exempt items never,
the instructors' decision (모사 → both scores 0, both completion panels, is_copied_answer=Y)."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from assessments import services, similarity, tasks
from assessments.models import Attempt, AttemptAnswer, CopiedAnswer, SimilarityCase
from courses import completion
from courses.models import Enrolment, FundingScheme
from tests import factories as f

pytestmark = pytest.mark.django_db


def _syllables(start: int, count: int) -> str:
    return "".join(chr(0xAC00 + start + i) for i in range(count))


def overlapping(percent: int, seed: int = 0) -> tuple[str, str]:
    """Two 100-character answers with an LCS ratio of exactly ``percent`` % (see the engine tests)."""
    common = _syllables(seed, percent)
    return common + _syllables(5000 + seed, 100 - percent), common + _syllables(7000 + seed, 100 - percent)


def funded_run(course, title="2026년 1차", funded=True):
    today = timezone.localdate()
    fields = {}
    if funded:
        fields = {
            "emp_ins_flag": FundingScheme.EMPLOYER,
            "hrd_tracse_id": "AIG20260000123456",
            "hrd_tracse_tme": title[-2:],
            "training_start": today - datetime.timedelta(days=10),
            "training_end": today + datetime.timedelta(days=10),
        }
    return f.course_run(course, title=title, **fields)


@pytest.fixture
def world():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    course.save_revision().publish()
    bank = f.question_bank(institute, course)
    essay = f.question(bank, "essay", text="비행 전 점검 절차를 서술하세요.", points="10")
    calculation = f.question(
        bank, "essay", text="배터리 용량을 계산하여 풀이를 쓰세요.", points="10", similarity_exempt=True
    )
    quiz = f.quiz_page(course, [essay, calculation], max_attempts=1)
    quiz.save_revision().publish()
    return {
        "institute": institute,
        "course": course,
        "essay": essay,
        "calculation": calculation,
        "quiz": quiz,
        "run": funded_run(course),
        "instructor": f.instructor_of(institute),
    }


def submit(world, run, essay_text, calculation_text="", capture=None) -> Attempt:
    enrolment = f.enrolment(run, progress_percent=100)
    attempt = services.attempt_start(quiz=world["quiz"], user=enrolment.user)
    answers = {world["essay"].pk: [essay_text]}
    if calculation_text:
        answers[world["calculation"].pk] = [calculation_text]
    return services.attempt_submit(attempt=attempt, raw_answers=answers)


def test_91_percent_alike_essays_are_queued_after_the_second_submission(world, django_capture_on_commit_callbacks):
    text_a, text_b = overlapping(91)
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(world, world["run"], text_a)
    assert not SimilarityCase.objects.exists()  # nothing to compare with yet
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = submit(world, world["run"], text_b)
    assert callbacks  # the check is enqueued on commit

    case = SimilarityCase.objects.get()
    assert case.score == Decimal("0.9100")
    assert {case.enrolment_a_id, case.enrolment_b_id} == {first.enrolment_id, second.enrolment_id}
    assert case.enrolment_a_id < case.enrolment_b_id
    assert case.item_key == f"question:{world['essay'].pk}"
    assert case.evidence["method"] == "text" and case.evidence["lcs"] == 0.91
    assert case.run == world["run"] and case.is_pending


def test_85_percent_alike_essays_are_not_queued(world, django_capture_on_commit_callbacks):
    text_a, text_b = overlapping(85)
    with django_capture_on_commit_callbacks(execute=True):
        submit(world, world["run"], text_a)
        submit(world, world["run"], text_b)
    assert similarity.similarity_check(course=world["course"]) == []
    assert not SimilarityCase.objects.exists()


def test_the_threshold_is_a_setting(world):
    text_a, text_b = overlapping(85)
    submit(world, world["run"], text_a)
    submit(world, world["run"], text_b)
    assert settings.ACADEMY_SIMILARITY_THRESHOLD == "0.90"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "ACADEMY_SIMILARITY_THRESHOLD", "0.85")
        assert len(similarity.similarity_check(course=world["course"])) == 1


def test_the_same_pair_and_item_is_never_queued_twice(world, django_capture_on_commit_callbacks):
    text_a, text_b = overlapping(95)
    with django_capture_on_commit_callbacks(execute=True):
        submit(world, world["run"], text_a)
        submit(world, world["run"], text_b)
    assert SimilarityCase.objects.count() == 1
    assert similarity.similarity_check(course=world["course"]) == []
    assert tasks.similarity_check_course_task(world["course"].pk) == 0
    tasks.similarity_check_nightly_task()
    assert SimilarityCase.objects.count() == 1


def test_an_exempt_calculation_item_never_flags(world):
    same_working = "배터리 용량 = 전류 × 시간 = 5 A × 2 h = 10 Ah 이므로 정답은 10 Ah 이다 (풀이 끝)"
    essay_a, essay_b = overlapping(50)
    submit(world, world["run"], essay_a, calculation_text=same_working)
    submit(world, world["run"], essay_b, calculation_text=same_working)

    assert similarity.similarity_check(course=world["course"]) == []
    # the identical calculation is not in the total either (the quiz has one compared essay left)
    assert not SimilarityCase.objects.filter(item_key__startswith="quiz:").exists()


def test_the_total_of_a_quizs_essays_flags_when_no_single_item_does(world):
    world["calculation"].similarity_exempt = False
    world["calculation"].save()
    # each answer is too short to compare alone (under 20 characters), together they are one text
    short_1, short_2 = "배터리 전압과 프로펠러 점검", "GPS 수신과 비행 모드 확인"
    first = submit(world, world["run"], short_1, calculation_text=short_2)
    second = submit(world, world["run"], short_1, calculation_text=short_2)

    (case,) = similarity.similarity_check(course=world["course"])

    assert case.item_key == f"quiz:{world['quiz'].pk}" and case.score == Decimal("1.0000")
    assert {case.object_a, case.object_b} == {first.pk, second.pk}


def test_two_items_just_below_the_threshold_do_not_flag_in_total(world):
    world["calculation"].similarity_exempt = False
    world["calculation"].save()
    a1, b1 = overlapping(89, seed=0)
    a2, b2 = overlapping(89, seed=200)
    submit(world, world["run"], a1, calculation_text=a2)
    submit(world, world["run"], b1, calculation_text=b2)
    assert similarity.similarity_check(course=world["course"]) == []


def test_runs_of_the_same_course_are_compared_nightly(world):
    text_a, text_b = overlapping(92)
    earlier = funded_run(world["course"], title="2026년 2차")
    submit(world, earlier, text_a)
    submit(world, world["run"], text_b)

    assert tasks.similarity_check_nightly_task() == 1  # one course to check, its task ran (eager)

    case = SimilarityCase.objects.get()
    runs = {case.enrolment_a.run_id, case.enrolment_b.run_id}
    assert runs == {earlier.pk, world["run"].pk}


def test_the_nightly_check_has_a_beat_entry():
    entry = settings.CELERY_BEAT_SCHEDULE["assessments-similarity-nightly"]
    assert entry["task"] == "assessments.tasks.similarity_check_nightly_task"


def test_unfunded_runs_are_not_checked(world):
    plain = f.course_run(world["course"], title="비환급")
    text_a, text_b = overlapping(99)
    first = submit(world, plain, text_a)
    submit(world, plain, text_b)
    assert similarity.similarity_check(course=world["course"]) == []
    assert similarity.similarity_check_attempt(attempt_id=first.pk) == []


def _copied_pair(world):
    text_a, text_b = overlapping(93)
    first = submit(world, world["run"], text_a)
    second = submit(world, world["run"], text_b)
    for attempt in (first, second):
        answer = AttemptAnswer.objects.get(attempt=attempt, question=world["essay"])
        services.essay_grade(answer=answer, points=Decimal("9"), actor=world["instructor"])
    (case,) = similarity.similarity_check(course=world["course"])
    return SimilarityCase.objects.get(pk=case.pk), first, second


def test_deciding_copied_sets_both_scores_to_zero_and_both_panels_show_it(world):
    case, first, second = _copied_pair(world)
    assert Attempt.objects.get(pk=first.pk).score == Decimal("45.00")  # 9 of 20 before the decision

    similarity.similarity_case_decide(case=case, copied=True, reason="문장 구성이 동일함", actor=world["instructor"])

    case.refresh_from_db()
    assert case.decision == SimilarityCase.Decision.COPIED
    assert case.decided_by == world["instructor"] and case.decided_at is not None
    assert case.reason == "문장 구성이 동일함"
    for attempt in (first, second):
        attempt.refresh_from_db()
        answer = AttemptAnswer.objects.get(attempt=attempt, question=world["essay"])
        assert answer.points == Decimal("0.00")
        assert attempt.score == Decimal("0.00")
        assert attempt.is_copied_answer == CopiedAnswer.YES  # the EMON row's is_copied_answer=Y
        enrolment = Enrolment.objects.select_related("run__course").get(pk=attempt.enrolment_id)
        with translation.override("ko"):
            labels = [item.label for item in completion.missing(enrolment)]
        assert any(label.startswith("모사답안 판정") for label in labels), labels
        assert not completion.is_complete(enrolment)


def test_the_trainees_own_panel_on_learn_shows_the_ruling(client, world):
    case, first, _second = _copied_pair(world)
    similarity.similarity_case_decide(case=case, copied=True, reason="동일 답안", actor=world["instructor"])

    client.force_login(first.user)
    page = client.get("/learn/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert "모사답안 판정" in page


def test_a_pending_case_tells_the_trainees_nothing_of_it_but_holds_completion(client, world):
    """A pair the check queued on its own is a suspicion: until an instructor decides, neither trainee
    reads 모사 or which answer is in question, only that results are being confirmed."""
    case, first, second = _copied_pair(world)
    assert case.is_pending

    for attempt in (first, second):
        enrolment = Enrolment.objects.select_related("run__course").get(pk=attempt.enrolment_id)
        with translation.override("ko"):
            labels = [item.label for item in completion.missing(enrolment)]
        assert "평가 결과 확인 중: 강사가 답안을 검토하고 있습니다" in labels  # beside the score still missing
        assert not [label for label in labels if "모사" in label or case.item_label in label], labels
        assert not completion.is_complete(enrolment)

        client.force_login(attempt.user)
        page = client.get("/learn/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
        assert "평가 결과 확인 중" in page
        assert "모사" not in page and case.item_label not in page


def test_the_ruling_and_its_reason_show_on_both_trainees_panels(client, world):
    case, first, second = _copied_pair(world)
    similarity.similarity_case_decide(
        case=case, copied=True, reason="문단 구성과 오탈자가 동일함", actor=world["instructor"]
    )

    for attempt in (first, second):
        client.force_login(attempt.user)
        page = client.get("/learn/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
        assert "모사답안 판정" in page and "문단 구성과 오탈자가 동일함" in page
        assert "평가 결과 확인 중" not in page


def test_a_copied_answer_cannot_be_graded_again(world):
    case, first, _second = _copied_pair(world)
    similarity.similarity_case_decide(case=case, copied=True, reason="동일", actor=world["instructor"])
    answer = AttemptAnswer.objects.get(attempt=first, question=world["essay"])
    with pytest.raises(services.AssessmentError):
        services.essay_grade(answer=answer, points=Decimal("10"), actor=world["instructor"])
    answer.refresh_from_db()
    assert answer.points == Decimal("0.00")


def test_deciding_not_copied_keeps_the_scores_and_records_n(world):
    case, first, second = _copied_pair(world)
    enrolment = Enrolment.objects.select_related("run__course").get(pk=first.enrolment_id)
    assert "results_being_confirmed" in [i.key for i in completion.missing(enrolment)]  # held while under review

    similarity.similarity_case_decide(case=case, copied=False, reason="공통 교재 인용", actor=world["instructor"])

    for attempt in (first, second):
        attempt.refresh_from_db()
        assert attempt.score == Decimal("45.00")
        assert attempt.is_copied_answer == CopiedAnswer.NO
    assert not [i for i in completion.missing(enrolment) if i.key in ("copied_answer", "results_being_confirmed")]


def test_a_decision_needs_a_reason_staff_of_the_institute_and_is_made_once(world):
    case, first, _second = _copied_pair(world)
    with pytest.raises(similarity.SimilarityError):
        similarity.similarity_case_decide(case=case, copied=True, reason="  ", actor=world["instructor"])
    outsider = f.manager_of(f.institute_page("다른연구원"))
    with pytest.raises(similarity.SimilarityError):
        similarity.similarity_case_decide(case=case, copied=True, reason="동일", actor=outsider)
    first.refresh_from_db()
    assert first.score == Decimal("45.00") and first.is_copied_answer == CopiedAnswer.NOT_JUDGED

    similarity.similarity_case_decide(case=case, copied=False, reason="아님", actor=world["instructor"])
    with pytest.raises(similarity.SimilarityError):
        similarity.similarity_case_decide(case=case, copied=True, reason="번복", actor=world["instructor"])
    case.refresh_from_db()
    assert case.decision == SimilarityCase.Decision.NOT_COPIED


def test_a_template_shared_by_both_answers_is_not_evidence(world):
    world["essay"].response_template = _syllables(3000, 80)
    world["essay"].save()
    submit(world, world["run"], world["essay"].response_template + "\n" + _syllables(100, 30))
    submit(world, world["run"], world["essay"].response_template + "\n" + _syllables(400, 30))
    assert similarity.similarity_check(course=world["course"]) == []


# --------------------------------------------------------------------------------------------
# The review queue in the admin
# --------------------------------------------------------------------------------------------


def test_the_queue_lists_the_case_and_shows_both_answers_side_by_side(client, world):
    case, first, second = _copied_pair(world)
    client.force_login(world["instructor"])

    listing = client.get(reverse("similarity:index"))
    assert listing.status_code == 200
    assert "93.0 %" in listing.content.decode()

    page = client.get(reverse("similarity:case", args=[case.pk])).content.decode()
    for attempt in (first, second):
        assert AttemptAnswer.objects.get(attempt=attempt, question=world["essay"]).response in page
        assert attempt.user.name_ko in page
    assert "0.9300" in page  # the LCS ratio, beside the 5-gram Jaccard


def test_the_queue_decision_form_requires_a_reason_and_records_the_decision(client, world):
    case, first, _second = _copied_pair(world)
    client.force_login(world["instructor"])
    url = reverse("similarity:case", args=[case.pk])

    refused = client.post(url, {"decision": "copied", "reason": ""})
    assert refused.status_code == 400
    case.refresh_from_db()
    assert case.is_pending

    done = client.post(url, {"decision": "copied", "reason": "동일 문장 다수"})
    assert done.status_code == 302
    case.refresh_from_db()
    assert case.decision == SimilarityCase.Decision.COPIED and case.decided_by == world["instructor"]
    first.refresh_from_db()
    assert first.score == Decimal("0.00")


def test_another_institutes_staff_and_trainees_cannot_open_the_case(client, world):
    case, first, _second = _copied_pair(world)
    client.force_login(f.manager_of(f.institute_page("다른연구원")))
    assert client.get(reverse("similarity:case", args=[case.pk])).status_code == 404
    assert (
        client.post(reverse("similarity:case", args=[case.pk]), {"decision": "copied", "reason": "x"}).status_code
        == 404
    )
    client.force_login(first.user)
    assert client.get(reverse("similarity:index")).status_code in (302, 403)
    case.refresh_from_db()
    assert case.is_pending


# --------------------------------------------------------------------------------------------
# Multiple choice: shared rare wrong answers
# --------------------------------------------------------------------------------------------


def _choice_quiz(world, questions=4):
    bank = world["essay"].bank
    items = [
        f.question(bank, "single", choices=[("정답", "1"), ("흔한 오답", "0"), ("드문 오답", "0")])
        for _ in range(questions)
    ]
    quiz = f.quiz_page(world["course"], items, max_attempts=1)
    quiz.save_revision().publish()
    return quiz, items


def _answer(world, quiz, items, picks) -> Attempt:
    """A trainee answers each question with the choice at ``picks[i]`` (0 right, 1 common, 2 rare)."""
    enrolment = f.enrolment(world["run"], progress_percent=100)
    attempt = services.attempt_start(quiz=quiz, user=enrolment.user)
    raw = {}
    for question, pick in zip(items, picks, strict=True):
        choice = list(question.choices.order_by("sort_order"))[pick]
        raw[question.pk] = [attempt.choice_token(choice.pk)]
    return services.attempt_submit(attempt=attempt, raw_answers=raw)


def test_the_same_rare_wrong_choices_flag_a_pair_and_common_ones_do_not(world):
    quiz, items = _choice_quiz(world)
    for _ in range(4):
        _answer(world, quiz, items, [0, 0, 0, 0])
    for _ in range(2):
        _answer(world, quiz, items, [1, 1, 1, 0])  # the common wrong answers: two trainees share them
    first = _answer(world, quiz, items, [2, 2, 2, 0])
    second = _answer(world, quiz, items, [2, 2, 2, 0])  # the same rare wrong answers as ``first``

    cases = [c for c in similarity.similarity_check(course=world["course"]) if c.kind == "choices"]

    assert len(cases) == 2  # the rare pair, and the common pair (two trainees alone in their mistakes)
    rare = next(c for c in cases if {c.object_a, c.object_b} == {first.pk, second.pk})
    assert rare.score == Decimal("1.0000") and rare.evidence == {"method": "choices", "shared_wrong": 3}


def test_wrong_choices_half_the_cohort_made_do_not_flag(world):
    quiz, items = _choice_quiz(world)
    for _ in range(3):
        _answer(world, quiz, items, [0, 0, 0, 0])
    for _ in range(3):
        _answer(world, quiz, items, [1, 1, 1, 0])  # the same common mistake, three times
    # each pair shares 3 wrong answers that 1 of the 4 others also made: 1 − 1/4 = 0.75
    assert [c for c in similarity.similarity_check(course=world["course"]) if c.kind == "choices"] == []


def test_an_exempt_choice_question_is_not_compared(world):
    quiz, items = _choice_quiz(world)
    for item in items:
        item.similarity_exempt = True
        item.save()
    for _ in range(4):
        _answer(world, quiz, items, [0, 0, 0, 0])
    _answer(world, quiz, items, [2, 2, 2, 2])
    _answer(world, quiz, items, [2, 2, 2, 2])
    assert similarity.similarity_check(course=world["course"]) == []


def test_deciding_copied_on_choices_sets_both_attempts_to_zero(world):
    quiz, items = _choice_quiz(world)
    for _ in range(4):
        _answer(world, quiz, items, [0, 0, 0, 0])
    first = _answer(world, quiz, items, [2, 2, 2, 0])
    second = _answer(world, quiz, items, [2, 2, 2, 0])
    (case,) = [c for c in similarity.similarity_check(course=world["course"]) if c.kind == "choices"]
    assert first.score == Decimal("25.00")

    similarity.similarity_case_decide(case=case, copied=True, reason="드문 오답 3개 일치", actor=world["instructor"])

    for attempt in (first, second):
        attempt.refresh_from_db()
        assert attempt.score == Decimal("0.00") and attempt.is_copied_answer == CopiedAnswer.YES


# --------------------------------------------------------------------------------------------
# 과제 (assignments): identical files, text
# --------------------------------------------------------------------------------------------


def _submission(world, assignment, *, text="", files=()):
    from assessments.models import AssignmentSubmission, SubmissionFile

    enrolment = f.enrolment(world["run"], progress_percent=100)
    submission = AssignmentSubmission.objects.create(
        assignment=assignment, enrolment=enrolment, user=enrolment.user, state="submitted", text=text
    )
    for name, sha256, size in files:
        SubmissionFile.objects.create(
            submission=submission, file=f"x/{name}", original_name=name, sha256=sha256, size=size
        )
    return submission


def test_two_identical_hwp_files_are_flagged(world):
    assignment = f.assignment_page(world["course"])
    digest = "9f" * 32
    first = _submission(world, assignment, files=[("보고서.hwp", digest, 48_128)])
    second = _submission(world, assignment, files=[("최종보고서.hwp", digest, 48_128)])
    _submission(world, assignment, files=[("다른보고서.docx", "1a" * 32, 48_128)])

    (case,) = similarity.similarity_check(course=world["course"])

    assert case.kind == "assignment" and case.score == Decimal("1.0000")
    assert {case.object_a, case.object_b} == {first.pk, second.pk}
    assert case.evidence["method"] == "files" and case.evidence["files"][0]["sha256"] == digest


def test_a_submitted_assignment_is_checked_on_commit_and_a_copied_decision_zeroes_both(
    world, django_capture_on_commit_callbacks
):
    from assessments import assignments

    assignment = f.assignment_page(world["course"], submission_type="text")
    text_a, text_b = overlapping(91)
    submitted = []
    for text in (text_a, text_b):
        enrolment = f.enrolment(world["run"], progress_percent=100)
        with django_capture_on_commit_callbacks(execute=True):
            submitted.append(
                assignments.submission_save(assignment=assignment, user=enrolment.user, text=text, submit=True)
            )
    case = SimilarityCase.objects.get(kind="assignment")
    assert case.score == Decimal("0.9100")

    similarity.similarity_case_decide(case=case, copied=True, reason="보고서 문장 동일", actor=world["instructor"])

    for submission in submitted:
        submission.refresh_from_db()
        assert submission.score == Decimal("0.00") and submission.is_copied_answer == CopiedAnswer.YES
        enrolment = Enrolment.objects.select_related("run__course").get(pk=submission.enrolment_id)
        with translation.override("ko"):
            assert any(i.label.startswith("모사답안 판정") for i in completion.missing(enrolment))
    with pytest.raises(services.AssessmentError):
        assignments.submission_grade(submission=submitted[0], actor=world["instructor"], score=Decimal("90"))
    with pytest.raises(services.AssessmentError):  # nor reopened: a resubmission could never be graded
        assignments.submission_reopen(submission=submitted[0], actor=world["instructor"], reason="재제출")
    submitted[0].refresh_from_db()
    assert submitted[0].state != "draft"


def test_an_exempt_assignment_never_flags(world):
    assignment = f.assignment_page(world["course"], similarity_exempt=True)
    digest = "9f" * 32
    _submission(world, assignment, files=[("계산.hwp", digest, 1024)])
    _submission(world, assignment, files=[("계산.hwp", digest, 1024)])
    assert similarity.similarity_check(course=world["course"]) == []
