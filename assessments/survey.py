"""만족도 설문 (DOMAIN-KR §6 F6.2(b)): the questions, when a trainee may answer, the gate of the final
test in funded runs, and the anonymous results per run for the institute's staff.

The questions follow the three categories of EMON's institution survey (``tb_survey_quest``: 과정
만족도, 강의 수준 만족도, 학습자 만족도), each a statement rated 1–5, plus one free-text answer.
They are the same in every course, so runs and courses compare.

Results are anonymous: comments carry no names and are sorted by their text, and a run with fewer
than ``ACADEMY_SURVEY_MIN_RESPONSES`` responses (default 3) shows only how many answered. With one
or two responses an average, a distribution or a comment tells the staff, who know who studied in
the run, what a given trainee answered; ``survey_results`` then leaves them out altogether, so no
screen or export can show them by mistake.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.dates import kdate
from courses.models import CoursePage, CourseRun, Enrolment
from courses.progress_rule import KST
from courses.selectors import studying_enrolment

from .models import SurveyPage, SurveyResponse

LIKERT = (1, 2, 3, 4, 5)
LIKERT_LABELS = {
    1: gettext_lazy("Strongly disagree"),
    2: gettext_lazy("Disagree"),
    3: gettext_lazy("Neutral"),
    4: gettext_lazy("Agree"),
    5: gettext_lazy("Strongly agree"),
}


@dataclass(frozen=True)
class SurveyCategory:
    key: str
    label: str


@dataclass(frozen=True)
class SurveyItem:
    key: str
    category: str
    text: str


CATEGORIES = (
    SurveyCategory("course", gettext_lazy("Course satisfaction")),
    SurveyCategory("teaching", gettext_lazy("Teaching level")),
    SurveyCategory("learner", gettext_lazy("Learner satisfaction")),
)

SURVEY_ITEMS = (
    SurveyItem("course_content", "course", gettext_lazy("The course content was useful for my work.")),
    SurveyItem("course_structure", "course", gettext_lazy("The course was well organised and easy to follow.")),
    SurveyItem("teaching_clarity", "teaching", gettext_lazy("The lessons explained the subject clearly.")),
    SurveyItem("teaching_level", "teaching", gettext_lazy("The difficulty of the lessons was right for me.")),
    SurveyItem("learner_overall", "learner", gettext_lazy("Overall, I am satisfied with this course.")),
    SurveyItem("learner_recommend", "learner", gettext_lazy("I would recommend this course to my colleagues.")),
)
ITEM_KEYS = tuple(item.key for item in SURVEY_ITEMS)


def course_survey(course: CoursePage) -> SurveyPage | None:
    """The course's live survey (at most one per course)."""
    return SurveyPage.objects.live().child_of(course).first()


def editable_until(run: CourseRun) -> datetime.datetime:
    """Answers may be changed until the end of the training period (funded runs) or of the run:
    the day after its last day, 00:00 KST."""
    last_day = run.training_end if run.is_funded and run.training_end else run.ends_on
    return datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=KST)


def answer_refusal(*, enrolment: Enrolment, now: datetime.datetime | None = None) -> str:
    """Why the trainee of ``enrolment`` cannot answer (or change) the survey now, or ``""``."""
    if enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        return _("Only trainees enrolled in the course answer its survey.")
    if (now or timezone.now()) >= editable_until(enrolment.run):
        last_day = enrolment.run.training_end if enrolment.run.is_funded else enrolment.run.ends_on
        return _("The survey closed with the training period on %(date)s.") % {"date": kdate(last_day)}
    return ""


def survey_refusal(*, enrolment: Enrolment) -> str:
    """The final test's gate in funded runs: a survey required before the final test and not yet
    answered for this enrolment keeps it closed. Called by ``funded.gate_refusal``."""
    survey = course_survey(enrolment.run.course)
    if survey is None or not survey.required_before_final:
        return ""
    if SurveyResponse.objects.filter(enrolment=enrolment).exists():
        return ""
    return _("Answer the satisfaction survey “%(survey)s” first: the final test opens after it.") % {
        "survey": survey.display_title
    }


def survey_page_context(*, survey: SurveyPage, user, form=None, now=None) -> dict:
    """The survey page of one trainee: the form (with their earlier answers), whether they may still
    change them, the items by category."""
    from .forms import SurveyForm

    enrolment = studying_enrolment(user=user, course=survey.course)
    response = SurveyResponse.objects.filter(enrolment=enrolment).first() if enrolment else None
    refusal = answer_refusal(enrolment=enrolment, now=now) if enrolment else ""
    if form is None:
        initial = {}
        if response is not None:
            initial = {key: str(value) for key, value in response.answers.items()}
            initial["comment"] = response.comment
        form = SurveyForm(initial=initial)
    return {
        "enrolment": enrolment,
        "response": response,
        "cannot_answer_reason": refusal,
        "form": form,
        "sections": form.sections(),
    }


# --------------------------------------------------------------------------------------------
# Results for the institute's staff
# --------------------------------------------------------------------------------------------


def _mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ItemResult:
    item: SurveyItem
    average: Decimal | None
    answers: int
    #: How many answered 1, 2, 3, 4 and 5, in that order.
    distribution: tuple[int, ...] = ()


@dataclass(frozen=True)
class CategoryResult:
    category: SurveyCategory
    average: Decimal | None
    items: list[ItemResult]


@dataclass(frozen=True)
class SurveyResults:
    survey: SurveyPage | None
    enrolled: int
    responses: int
    categories: list[CategoryResult]
    comments: list[str]
    #: The fewest responses with which the details are shown (``ACADEMY_SURVEY_MIN_RESPONSES``).
    min_responses: int = 1

    @property
    def withheld(self) -> bool:
        """Too few responses: averages, distributions and comments are left out (see the module)."""
        return self.responses < self.min_responses

    @property
    def response_rate(self) -> Decimal:
        """Percent of the run's trainees (active or completed) who answered."""
        if not self.enrolled:
            return Decimal("0")
        return (Decimal(100 * self.responses) / self.enrolled).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def survey_results(*, run: CourseRun) -> SurveyResults:
    """The survey's results in one run: averages and distributions per item, averages per category
    (the mean of every answer in it), the response rate, and the free-text answers without names
    (ordered by their text, so the order tells nothing of who wrote them). Every response counts,
    whatever became of the trainee's enrolment since, so no change of the set can single one out. Below
    ``ACADEMY_SURVEY_MIN_RESPONSES`` responses only the counts: no category, item or comment."""
    survey = course_survey(run.course)
    min_responses = settings.ACADEMY_SURVEY_MIN_RESPONSES
    enrolled = Enrolment.objects.filter(run=run).studying().count()
    # Every response to the run, whatever became of the enrolment since: were a removed or withdrawn
    # trainee's answers to drop out, comparing the results before and after would show them.
    rows = list(SurveyResponse.objects.filter(enrolment__run=run).values_list("answers", "comment"))
    if len(rows) < min_responses:
        return SurveyResults(
            survey=survey,
            enrolled=enrolled,
            responses=len(rows),
            categories=[],
            comments=[],
            min_responses=min_responses,
        )
    values: dict[str, list[int]] = {key: [] for key in ITEM_KEYS}
    for answers, _comment in rows:
        for key in ITEM_KEYS:
            value = answers.get(key)
            if isinstance(value, int) and value in LIKERT:
                values[key].append(value)
    categories = []
    for category in CATEGORIES:
        items = [item for item in SURVEY_ITEMS if item.category == category.key]
        categories.append(
            CategoryResult(
                category=category,
                average=_mean([v for item in items for v in values[item.key]]),
                items=[
                    ItemResult(
                        item=item,
                        average=_mean(values[item.key]),
                        answers=len(values[item.key]),
                        distribution=tuple(values[item.key].count(value) for value in LIKERT),
                    )
                    for item in items
                ],
            )
        )
    comments = sorted(comment.strip() for _answers, comment in rows if comment.strip())
    return SurveyResults(
        survey=survey,
        enrolled=enrolled,
        responses=len(rows),
        categories=categories,
        comments=comments,
        min_responses=min_responses,
    )
