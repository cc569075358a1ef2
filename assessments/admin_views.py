"""Staff screens: question import, gradebook with exports, item analysis, practical grading."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.exports import table_response
from courses.models import Enrolment
from courses.permissions import is_institute_staff
from courses.selectors import staff_courses, staff_runs

from . import selectors, services
from .models import QuizPage

MAX_UPLOAD = 5 * 1024 * 1024


def _require_staff(request):
    if not is_institute_staff(request.user):
        raise PermissionDenied


class ImportForm(forms.Form):
    bank = forms.ModelChoiceField(label=gettext_lazy("Question bank"), queryset=None)
    file = forms.FileField(
        label=gettext_lazy("GIFT or Moodle XML file"),
        help_text=gettext_lazy("A .gift, .txt or .xml file exported from Moodle or written by hand, at most 5 MB."),
    )
    skip_unsupported = forms.BooleanField(
        label=gettext_lazy("Import the supported questions and skip the ones listed as unsupported"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank"].queryset = selectors.banks_for_user(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


def bank_import(request):
    """Import a question bank: every question is checked first, then all are written or none."""
    _require_staff(request)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        from . import importers

        upload = form.cleaned_data["file"]
        result = importers.parse_question_bank(upload.name, upload.read())
        if result.errors:
            messages.error(request, _("Nothing was imported: correct the problems listed below and try again."))
        elif result.unsupported and not form.cleaned_data["skip_unsupported"]:
            messages.warning(
                request,
                _(
                    "Some questions are of types the Academy does not support. Nothing was imported yet: tick the box to import the others."
                ),
            )
        elif not result.questions:
            messages.error(request, _("The file contains no question."))
        else:
            try:
                created = services.bank_import(bank=form.cleaned_data["bank"], questions=result.questions)
            except services.AssessmentError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("%(n)s questions were imported into %(bank)s.")
                    % {"n": len(created), "bank": form.cleaned_data["bank"]},
                )
                return redirect("assessments_admin:bank_import")
    return render(
        request,
        "assessments/admin/import.html",
        {"form": form, "result": result, "page_title": _("Import questions"), "header_icon": "upload"},
    )


def gradebook_index(request):
    _require_staff(request)
    runs = staff_runs(request.user).order_by("-starts_on", "pk")
    quizzes = QuizPage.objects.filter(pk__in=[]) if not request.user.is_superuser else QuizPage.objects.all()
    if not request.user.is_superuser:
        from django.db.models import Q

        condition = Q(pk__in=[])
        for course in staff_courses(request.user):
            condition |= Q(path__startswith=course.path)
        quizzes = QuizPage.objects.filter(condition)
    return render(
        request,
        "assessments/admin/gradebook_index.html",
        {
            "runs": runs,
            "quizzes": quizzes.order_by("path"),
            "practicals": selectors.practicals_for_user(request.user),
            "page_title": _("Gradebook"),
            "header_icon": "table",
        },
    )


def gradebook(request, run_id):
    """성적부 of one run, with CSV and XLSX exports."""
    _require_staff(request)
    run = get_object_or_404(staff_runs(request.user), pk=run_id)
    book = selectors.gradebook(run=run)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        assessments = [q.title for q in book["quizzes"]] + [p.title for p in book["practicals"]]
        header = [_("Korean name"), _("English name"), _("E-mail"), _("Status"), _("Progress (%)")]
        score_label, result_label = _("Score"), _("Result")
        for title in assessments:
            header += [f"{title} · {score_label}", f"{title} · {result_label}"]
        rows = []
        for row in book["rows"]:
            line = [
                row.enrolment.user.name_ko,
                row.enrolment.user.name_en,
                row.enrolment.user.email,
                row.enrolment.get_status_display(),
                row.enrolment.progress_percent,
            ]
            for cell in row.cells:
                line.append(float(cell["score"]) if cell["score"] is not None else "")
                line.append(_("Pass") if cell["passed"] else (_("Fail") if cell["passed"] is False else ""))
            rows.append(line)
        return table_response(filename=f"gradebook-{run.pk}", header=header, rows=rows, file_format=file_format)
    return render(
        request,
        "assessments/admin/gradebook.html",
        {**book, "run": run, "page_title": _("Gradebook: %(run)s") % {"run": run}, "header_icon": "table"},
    )


def item_analysis(request, quiz_id):
    _require_staff(request)
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not (request.user.is_superuser or staff_courses(request.user).filter(pk=quiz.course.pk).exists()):
        raise Http404
    return render(
        request,
        "assessments/admin/item_analysis.html",
        {
            "quiz": quiz,
            "items": selectors.item_analysis(quiz=quiz),
            "page_title": _("Item analysis: %(quiz)s") % {"quiz": quiz.title},
            "header_icon": "view",
        },
    )


def practical_grading(request, run_id, assessment_id):
    """실기평가 grading: the run's instructors record points per criterion and comments for each trainee."""
    _require_staff(request)
    run = get_object_or_404(staff_runs(request.user), pk=run_id)
    assessment = get_object_or_404(
        selectors.practicals_for_user(request.user), pk=assessment_id, course_id=run.course_id
    )
    criteria = list(assessment.criteria.all())
    enrolments = list(
        Enrolment.objects.filter(run=run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
        .select_related("user")
        .order_by("user__name_ko", "pk")
    )
    if request.method == "POST":
        enrolment_id = request.POST.get("enrolment", "")
        enrolment = get_object_or_404(Enrolment, pk=enrolment_id if enrolment_id.isdigit() else None, run=run)
        scores, comments = {}, {}
        try:
            for criterion in criteria:
                scores[criterion.pk] = int(request.POST.get(f"score-{criterion.pk}", ""))
                comments[criterion.pk] = request.POST.get(f"comment-{criterion.pk}", "")
        except ValueError:
            messages.error(request, _("Give whole points for every criterion."))
        else:
            try:
                services.practical_grade(
                    assessment=assessment,
                    enrolment=enrolment,
                    scores=scores,
                    comments=comments,
                    overall_comment=request.POST.get("overall_comment", ""),
                    actor=request.user,
                )
                messages.success(request, _("Saved the result of %(name)s.") % {"name": enrolment.user.get_full_name()})
            except services.AssessmentError as error:
                messages.error(request, str(error))
        return redirect("assessments_admin:practical_grading", run.pk, assessment.pk)
    results = {r.enrolment_id: r for r in assessment.results.filter(enrolment__in=enrolments)}
    rows = []
    for enrolment in enrolments:
        result = results.get(enrolment.pk)
        rows.append(
            {
                "enrolment": enrolment,
                "result": result,
                "criteria": [
                    {
                        "criterion": c,
                        "score": (result.scores.get(str(c.pk)) if result else None),
                        "comment": (result.comments.get(str(c.pk), "") if result else ""),
                    }
                    for c in criteria
                ],
            }
        )
    return render(
        request,
        "assessments/admin/practical_grading.html",
        {
            "run": run,
            "assessment": assessment,
            "criteria": criteria,
            "rows": rows,
            "page_title": f"{assessment.title} · {run.title}",
            "header_icon": "clipboard-list",
        },
    )
