"""The admin form of quiz pages (kept apart from ``forms``, which the models module cannot import)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError

from courses.forms import InstitutePageForm


class QuizPageForm(InstitutePageForm):
    """A quiz of the editor's institute. Publishing (or submitting for review) a quiz that requires
    a large item pool is refused while its pool is smaller than the rule wants; saving a draft is not."""

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation or not cleaned.get("require_item_pool"):
            return cleaned  # a draft may be incomplete; the pool is checked when it is published
        from .selectors import item_pool_problem

        problem = item_pool_problem(
            draw_bank=cleaned.get("draw_bank"),
            draw_category=cleaned.get("draw_category") or "",
            draw_count=cleaned.get("draw_count") or 0,
            fixed_questions=self._fixed_question_count(),
            factor=settings.ACADEMY_ITEM_POOL_FACTOR,
        )
        if problem:
            self.add_error("require_item_pool", ValidationError(problem, code="item_pool"))
        return cleaned

    def _fixed_question_count(self) -> int:
        formset = self.formsets.get("quiz_questions")
        if formset is None:
            return 0
        return sum(
            1
            for form in formset.forms
            if (getattr(form, "cleaned_data", None) or {}).get("question") and not form.cleaned_data.get("DELETE")
        )
