from decimal import Decimal

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

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
        problems = question_problems(
            type=cleaned.get("type", ""),
            text=cleaned.get("text", ""),
            choices=choices,
            partial_credit=bool(cleaned.get("partial_credit")),
            correct_answer=cleaned.get("correct_answer"),
            accepted_answers=(cleaned.get("accepted_answers") or "").splitlines(),
            numeric_answer=cleaned.get("numeric_answer"),
            tolerance=cleaned.get("tolerance"),
        )
        if problems:
            raise ValidationError(problems)
        return cleaned


class _ScopedForm(WagtailAdminModelForm):
    """Limits the institute, course and bank fields to the user's own institutes (checked on submit too)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        from courses.models import InstitutePage
        from courses.selectors import staff_courses, staff_institute_ids

        from .selectors import banks_for_user

        if "institute" in self.fields:
            self.fields["institute"].queryset = InstitutePage.objects.filter(pk__in=staff_institute_ids(for_user))
        if "course" in self.fields:
            self.fields["course"].queryset = staff_courses(for_user)
        if "bank" in self.fields:
            self.fields["bank"].queryset = banks_for_user(for_user)
        if "draw_bank" in self.fields:
            self.fields["draw_bank"].queryset = banks_for_user(for_user)


class QuestionBankForm(_ScopedForm):
    pass


class ScopedQuestionForm(_ScopedForm, QuestionForm):
    pass


class PracticalAssessmentForm(_ScopedForm):
    pass
