"""Forms of assignments: the page's editor form (its rubric adds up), the trainee's submission
form and the grader's form. Bad input is a field error, never a server error."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.forms import InstitutePageForm


class AssignmentPageForm(InstitutePageForm):
    """An assignment whose rubric, when it has one, adds up to its maximum score."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("criteria")
        points = []
        if formset is not None:
            formset.is_valid()  # ClusterForm validates child formsets after clean(): read them now
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data and not data.get("DELETE") and data.get("points") is not None:
                    points.append(data["points"])
        max_score = cleaned.get("max_score")
        if points and max_score is not None and sum(points) != max_score:
            self.add_error(
                "max_score",
                _("The rubric's points add up to %(sum)s; make them add up to the maximum score (%(max)s).")
                % {"sum": sum(points), "max": max_score},
            )
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); the service checks each one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class SubmissionForm(forms.Form):
    """What a trainee sends: text, new files, files to remove; saved as a draft or submitted."""

    text = forms.CharField(label=gettext_lazy("Your answer"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    files = MultipleFileField(label=gettext_lazy("Add files"), required=False)
    remove = forms.MultipleChoiceField(
        label=gettext_lazy("Remove the file"), required=False, widget=forms.CheckboxSelectMultiple
    )

    MAX_TEXT = 50_000

    def __init__(self, *args, assignment, existing_files=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.fields["remove"].choices = [(str(f.public_id), f.original_name) for f in existing_files]
        if not assignment.accepts_text:
            del self.fields["text"]
        else:
            self.fields["text"].validators.append(_max_text)
        if not assignment.accepts_files:
            del self.fields["files"]
            del self.fields["remove"]
        else:
            self.fields["files"].help_text = _(
                "Up to %(n)s files of at most %(mb)s MB each; accepted types: %(types)s."
            ) % {
                "n": assignment.max_files,
                "mb": assignment.max_file_mb,
                "types": ", ".join(f".{e}" for e in assignment.extensions),
            }
            self.fields["files"].widget.attrs["accept"] = ",".join(f".{e}" for e in assignment.extensions)


def _max_text(value: str) -> None:
    if len(value) > SubmissionForm.MAX_TEXT:
        raise forms.ValidationError(
            _("The text is too long (at most %(n)s characters).") % {"n": f"{SubmissionForm.MAX_TEXT:,}"}
        )


class GradingForm(forms.Form):
    """점수 and 첨삭: a score per rubric criterion (or one score without a rubric), and feedback."""

    feedback = forms.CharField(
        label=gettext_lazy("Feedback (첨삭)"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("The trainee reads this with their grade."),
    )

    def __init__(self, *args, assignment, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        if criteria:
            for criterion in criteria:
                self.fields[f"criterion-{criterion.pk}"] = forms.DecimalField(
                    label=criterion.display_title,
                    help_text=criterion.description,
                    min_value=Decimal("0"),
                    max_value=Decimal(criterion.points),
                    max_digits=6,
                    decimal_places=2,
                )
        else:
            self.fields["score"] = forms.DecimalField(
                label=_("Score (out of %(max)s)") % {"max": assignment.max_score},
                min_value=Decimal("0"),
                max_value=Decimal(assignment.max_score),
                max_digits=6,
                decimal_places=2,
            )
        self.order_fields([*(name for name in self.fields if name != "feedback"), "feedback"])

    def criterion_scores(self) -> dict[int, Decimal]:
        return {c.pk: self.cleaned_data[f"criterion-{c.pk}"] for c in self.criteria}
