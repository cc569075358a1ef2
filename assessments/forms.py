from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from courses.forms import InstituteModelForm, InstituteReferencesMixin

from .validation import question_problems


class QuestionForm(WagtailAdminModelForm):
    """Checks the question and its choices together, before anything is saved."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("choices")
        choices = []
        if formset is not None:
            formset.is_valid()  # ClusterForm validates child formsets after clean(): read them now
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if not data or data.get("DELETE"):
                    continue
                choices.append((data.get("text", ""), data.get("weight") or Decimal("0")))
        pairs = []
        pair_formset = self.formsets.get("match_pairs")
        if pair_formset is not None:
            pair_formset.is_valid()
            for form in pair_formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data and not data.get("DELETE"):
                    pairs.append((data.get("premise", ""), data.get("answer", "")))
        problems = question_problems(
            type=cleaned.get("type", ""),
            text=cleaned.get("text", ""),
            choices=choices,
            partial_credit=bool(cleaned.get("partial_credit")),
            correct_answer=cleaned.get("correct_answer"),
            accepted_answers=(cleaned.get("accepted_answers") or "").splitlines(),
            numeric_answer=cleaned.get("numeric_answer"),
            tolerance=cleaned.get("tolerance"),
            other_numeric_answers=(cleaned.get("other_numeric_answers") or "").splitlines(),
            pairs=pairs,
        )
        if problems:
            raise ValidationError(problems)
        return cleaned


class QuestionBankForm(InstituteModelForm):
    """A bank of one of the editor's institutes, for one of its courses or all of them."""


class ScopedQuestionForm(InstituteReferencesMixin, QuestionForm):
    """A question in one of the editor's institutes' banks."""


class PracticalAssessmentForm(InstituteModelForm):
    """A practical assessment of one of the editor's institutes' courses."""


class SurveyForm(forms.Form):
    """만족도 설문: one 1–5 choice per item of ``assessments.survey.SURVEY_ITEMS``, all required, and a
    free-text answer."""

    comment = forms.CharField(
        label=gettext_lazy("Anything else you would like to tell us (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        from .survey import LIKERT, LIKERT_LABELS, SURVEY_ITEMS

        super().__init__(*args, **kwargs)
        choices = [(str(value), f"{value} · {LIKERT_LABELS[value]}") for value in LIKERT]
        for item in SURVEY_ITEMS:
            self.fields[item.key] = forms.TypedChoiceField(
                label=item.text, choices=choices, coerce=int, widget=forms.RadioSelect, required=True
            )
        self.order_fields([item.key for item in SURVEY_ITEMS] + ["comment"])

    def answers(self) -> dict[str, int]:
        from .survey import ITEM_KEYS

        return {key: self.cleaned_data[key] for key in ITEM_KEYS}

    def sections(self) -> list[tuple[str, list]]:
        """(category label, bound fields) in the order of the survey, for the template."""
        from .survey import CATEGORIES, SURVEY_ITEMS

        return [
            (category.label, [self[item.key] for item in SURVEY_ITEMS if item.category == category.key])
            for category in CATEGORIES
        ]
