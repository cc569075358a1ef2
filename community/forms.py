from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.forms import InstituteModelForm
from courses.models import CoursePage, CourseRun
from courses.permissions import permitted_instances, staff_tree_scope

from .models import Notice, Question, Reply


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["title", "body", "visibility"]
        widgets = {"visibility": forms.RadioSelect, "body": forms.Textarea(attrs={"rows": 6})}


class QuestionAdminForm(WagtailAdminModelForm):
    """The admin's edit form of a question: visibility only (the trainee's title and text are theirs,
    never rewritten by staff), and only from public to private: a question asked privately is never
    made public by someone else."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("visibility")
        if field is not None and self.instance.pk and self.instance.visibility == Question.Visibility.PRIVATE:
            field.choices = [(Question.Visibility.PRIVATE, Question.Visibility.PRIVATE.label)]

    def clean_visibility(self):
        value = self.cleaned_data.get("visibility")
        if self.instance.pk and self.instance.visibility == Question.Visibility.PRIVATE and value != "private":
            raise forms.ValidationError(_("Only the asker can make a private question public."))
        return value


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["body"]
        labels = {"body": _("Your reply")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class NoticeForm(InstituteModelForm):
    """A notice: the course and run lists hold only the user's institutes' (every one for administrators)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        scope = staff_tree_scope(user)
        courses = CoursePage.objects.all() if scope is None else CoursePage.objects.filter(scope)
        runs = permitted_instances(user, CourseRun, ["change"]) if user is not None else CourseRun.objects.none()
        if "course" in self.fields:
            self.fields["course"].widget = forms.Select()
            self.fields["course"].queryset = courses.order_by("title")
            self.fields["course"].required = False  # a run names its course; only administrators leave both empty
        if "run" in self.fields:
            self.fields["run"].widget = forms.Select()
            self.fields["run"].queryset = runs.select_related("course").order_by("-starts_on")

    def clean(self):
        cleaned = super().clean()
        course, run = cleaned.get("course"), cleaned.get("run")
        user = getattr(self, "for_user", None)
        if run is not None and course is None:
            cleaned["course"] = course = run.course
        if run is not None and run.course_id != course.pk:
            self.add_error("run", _("Choose a run of the chosen course."))
        if course is None and "course" not in self.errors and not (user is not None and user.is_superuser):
            self.add_error(
                "course", _("Choose one of your institute's courses: only administrators write site-wide notices.")
            )
        ends, published = cleaned.get("ends_at"), cleaned.get("published_at")
        if ends and published and ends <= published:
            self.add_error("ends_at", _("The end must come after the publication time."))
        return cleaned

    class Meta:
        model = Notice
        fields = ["course", "run", "title", "body", "pinned", "important", "published_at", "ends_at"]
