"""What the retention sweep destroys of the assessments of funded runs (``compliance.retention``,
category ``funded_training_records``: 3 years after the run's 훈련기간). Registered at start-up
in ``ops.retention``; answers counts only. Submitted files go with their rows (``stored_file_forget``)."""

from __future__ import annotations

import datetime

from courses.funding import funded_enrolments_ended_before
from ops import retention as registry

from .models import AssignmentSubmission, Attempt, PracticalResult, RetakeGrant, SimilarityCase

CATEGORY = "funded_training_records"


def _destroyer(model, due_rows):
    def destroy(day: datetime.date) -> int:
        _total, per_model = due_rows(day).delete()
        return per_model.get(model._meta.label, 0)

    return destroy


def _of_due_enrolments(model):
    return lambda day: model.objects.filter(enrolment__in=funded_enrolments_ended_before(day))


def register_destroyers() -> None:
    for model in (Attempt, AssignmentSubmission, PracticalResult, RetakeGrant):
        registry.register_destroyer(CATEGORY, model._meta.label_lower, _destroyer(model, _of_due_enrolments(model)))
    registry.register_destroyer(
        CATEGORY,
        SimilarityCase._meta.label_lower,
        _destroyer(
            SimilarityCase,
            lambda day: SimilarityCase.objects.filter(run__emp_ins_flag__gt=0, run__training_end__lt=day),
        ),
    )
