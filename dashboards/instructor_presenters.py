"""The instructor dashboard of one run: figures from ``dashboards.selectors`` and
``assessments.selectors.item_analysis`` shaped into charts (``common.charts``) and rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from assessments.selectors import ItemStatistics, item_analysis
from common.charts import Chart, bar_chart, column_chart, percent
from courses.completion import effective_delivery_mode
from courses.models import CourseRun

from . import selectors

#: Fewer answers than this and the item statistics are flagged as unreliable.
MIN_RELIABLE_ANSWERS = 20


def _ratio(part: int, whole: int) -> str:
    return percent(round(100 * part / whole, 1)) if whole else "–"


def _count_scale(values) -> int | None:
    """A scale for counts whose four gridlines fall on whole numbers (3 → 4, 8 → 8, 9 → 12)."""
    top = max(values, default=0)
    return -(-top // 4) * 4 if top else None


def funnel_chart(funnel: selectors.Funnel) -> Chart:
    stages = [
        (pgettext("progress funnel", "Enrolled"), funnel.enrolled),
        (_("Started studying"), funnel.studying),
        (_("Progress ≥ 50%"), funnel.half),
        (_("Progress ≥ 80%"), funnel.most),
        (_("Completed"), funnel.completed),
    ]
    return bar_chart(
        title=_("Progress funnel"),
        items=stages,
        label_header=_("Stage"),
        value_header=_("Trainees"),
        description=_("Studying and completed trainees of the run; a completed trainee counts at every stage."),
        extra_columns=[(_("Share of enrolled"), [_ratio(value, funnel.enrolled) for _label, value in stages])],
    )


def bucket_labels() -> list[str]:
    return [f"{10 * index}–{10 * index + 9}" for index in range(selectors.BUCKETS - 1)] + ["90–100"]


def score_chart(result: selectors.QuizResults) -> Chart:
    buckets = selectors.score_buckets(result.kept_scores)
    return column_chart(
        title=_("Scores: %(quiz)s") % {"quiz": result.quiz.title},
        categories=bucket_labels(),
        series=[(_("Trainees"), buckets)],
        category_header=_("Score"),
        max_value=_count_scale(buckets),
        description=_("The kept score of each trainee who has one (%(n)s trainees).") % {"n": len(result.kept_scores)},
    )


@dataclass
class QuizItems:
    quiz: object
    items: list[ItemStatistics]
    facility: Chart
    discrimination: Chart | None = None
    distractors: list[tuple[ItemStatistics, Chart]] = field(default_factory=list)
    few_answers: bool = False


def quiz_items(quiz, run: CourseRun) -> QuizItems:
    items = item_analysis(quiz=quiz, run=run)
    facility = bar_chart(
        title=_("Correct-answer rate by question: %(quiz)s") % {"quiz": quiz.title},
        items=[(_("Q%(n)s") % {"n": item.number}, round(100 * item.facility, 1)) for item in items],
        label_header=_("Question"),
        value_header=_("Correct-answer rate (%)"),
        max_value=100,
        value_format=percent,
        description=_(
            "Correct-answer rate: the share of the points trainees earned on the question. Discrimination: how well it "
            "separates trainees who did well on the rest of the quiz from the others (below 0.1: check it)."
        ),
        extra_columns=[
            (_("Discrimination"), ["–" if i.discrimination is None else f"{i.discrimination:.2f}" for i in items]),
            (_("Answers"), [str(i.responses) for i in items]),
            (_("Note"), [i.flag for i in items]),
        ],
    )
    discrimination = bar_chart(
        title=_("Discrimination by question: %(quiz)s") % {"quiz": quiz.title},
        items=[(_("Q%(n)s") % {"n": item.number}, item.discrimination) for item in items],
        label_header=_("Question"),
        value_header=_("Discrimination"),
        max_value=1,
        min_value=-1,
        value_format=lambda value: "–" if value is None else f"{value:.2f}",
        description=_("From −1 to 1: below 0.1 the question does not separate stronger from weaker trainees."),
    )
    distractors = []
    for item in items:
        if not item.choices:
            continue
        chart = bar_chart(
            title=_("Q%(n)s: %(text)s") % {"n": item.number, "text": item.question.text[:80]},
            items=[(f"{'✓ ' if c.correct else ''}{c.label}", c.count) for c in item.choices],
            label_header=_("Choice (✓ correct)"),
            value_header=_("Chosen"),
            extra_columns=[(_("Share"), [_ratio(c.count, item.responses) for c in item.choices])],
        )
        distractors.append((item, chart))
    return QuizItems(
        quiz=quiz,
        items=items,
        facility=facility,
        discrimination=discrimination,
        distractors=distractors,
        few_answers=any(item.responses < MIN_RELIABLE_ANSWERS for item in items),
    )


def attendance_chart(sessions) -> Chart:
    scale = _count_scale([value for session in sessions for value in (session.present, session.absent)])
    return column_chart(
        title=_("Attendance by session"),
        categories=[session.title for session in sessions],
        series=[
            (_("Present"), [session.present for session in sessions]),
            (_("Absent"), [session.absent for session in sessions]),
        ],
        category_header=_("Session"),
        max_value=scale,
    )


def run_dashboard(run: CourseRun) -> dict:
    """Everything the dashboard shows, in a fixed number of queries for any number of trainees
    (plus a fixed number per quiz of the course)."""
    funnel = selectors.run_funnel(run)
    quizzes = selectors.course_quizzes(run)
    results = selectors.quiz_results(run, quizzes)
    expected, watched = selectors.watch_list(run, results)
    onsite = effective_delivery_mode(run) in ("onsite", "blended")
    sessions = selectors.attendance_by_session(run) if onsite else []
    return {
        "run": run,
        "funnel": funnel,
        "funnel_chart": funnel_chart(funnel),
        "score_charts": [score_chart(result) for result in results],
        "expected_percent": expected,
        "watched": watched,
        "idle_days": selectors.IDLE_DAYS,
        "behind_margin": selectors.BEHIND_MARGIN,
        "onsite": onsite,
        "sessions": sessions,
        "attendance_chart": attendance_chart(sessions) if onsite else None,
        "quiz_items": [quiz_items(quiz, run) for quiz in quizzes],
        "min_reliable_answers": MIN_RELIABLE_ANSWERS,
    }
