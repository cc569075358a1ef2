"""Staff screens: question import, gradebook with exports, item analysis, retake grants, practical and essay
grading, satisfaction survey results.

Two viewsets (``courses.viewsets.InstituteStaffViewSet``): the question import asks the question
banks' policy for "add", the gradebook screens ask the runs' policy for "change"; each view reads
its run, quiz or practical assessment through the user's institutes, so another's is a 404.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from common.exports import table_response
from courses.models import CourseRun, Enrolment
from courses.permissions import under_paths
from courses.selectors import staff_courses, staff_runs
from courses.viewsets import InstituteStaffViewSet, StaffView
from ops.privacy import Action, ExportReasonForm, personal_data_access_record

from . import funded, selectors, services
from .models import QuestionBank, QuizPage

MAX_UPLOAD = 5 * 1024 * 1024


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


class QuestionImportView(StaffView):
    """Import a question bank: every question is checked first, then all are written or none."""

    template_name = "assessments/admin/import.html"
    page_title = gettext_lazy("Import questions")
    header_icon = "upload"

    def get(self, request):
        return self.render(form=ImportForm(user=request.user), result=None)

    def post(self, request):
        form = ImportForm(request.POST, request.FILES, user=request.user)
        result = None
        if form.is_valid():
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
                    return redirect("question_import:index")
        return self.render(form=form, result=result)


class GradebookIndexView(StaffView):
    template_name = "assessments/admin/gradebook_index.html"
    page_title = gettext_lazy("Gradebook")
    header_icon = "table"

    def get(self, request):
        quizzes = QuizPage.objects.all()
        if not request.user.is_superuser:
            quizzes = quizzes.filter(under_paths([course.path for course in staff_courses(request.user)]))
        return self.render(
            runs=staff_runs(request.user).order_by("-starts_on", "pk"),
            quizzes=quizzes.order_by("path"),
            practicals=selectors.practicals_for_user(request.user),
            essays_waiting=list(selectors.essays_waiting(request.user)),
        )


class GradebookView(StaffView):
    """성적부 of one run, with CSV and XLSX exports.

    The export keeps ``common.exports.table_response`` rather than an ``IndexView``'s
    ``list_export``: its columns (a score and a result per quiz and practical assessment of the
    course) are not fields of a model, so ``list_export`` cannot name them.
    """

    template_name = "assessments/admin/gradebook.html"
    header_icon = "table"

    def setup_objects(self, run_id):
        self.run = get_object_or_404(staff_runs(self.request.user), pk=run_id)

    def get_page_title(self):
        return _("Gradebook: %(run)s") % {"run": self.run}

    def get(self, request, run_id):
        run = self.run
        if request.GET.get("format") in ("csv", "xlsx"):
            # The export is personal data: the reason first (DOMAIN-KR §5.3), the file on the POST.
            return self.reason_form_response(ExportReasonForm(), what=self.get_page_title())
        book = selectors.gradebook(run=run)
        personal_data_access_record(
            actor=request.user,
            action=Action.VIEW,
            subjects=[row.enrolment.user_id for row in book["rows"]],
            object_type="assessments.gradebook",
            object_id=run.pk,
        )
        return self.render(**book, run=run)

    def post(self, request, run_id):
        run = self.run
        form = ExportReasonForm(request.POST)
        file_format = request.POST.get("format")
        if file_format not in ("csv", "xlsx") or not form.is_valid():
            return self.reason_form_response(form, what=self.get_page_title(), status=400)
        book = selectors.gradebook(run=run)
        assessments = [q.title for q in (*book["quizzes"], *book["practicals"], *book["assignments"])]
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
                if cell.get("needs_grading") and cell["score"] is None:
                    line.append(_("Waiting for essay grading"))
                elif cell.get("awaiting_grading") and cell["score"] is None:
                    line.append(_("Awaiting grading"))
                else:
                    line.append(_("Pass") if cell["passed"] else (_("Fail") if cell["passed"] is False else ""))
            rows.append(line)
        personal_data_access_record(
            actor=request.user,
            action=Action.EXPORT,
            subjects=[row.enrolment.user_id for row in book["rows"]],
            object_type="assessments.gradebook",
            object_id=run.pk,
            reason=form.cleaned_data["reason"],
        )
        return table_response(filename=f"gradebook-{run.pk}", header=header, rows=rows, file_format=file_format)


class ItemAnalysisView(StaffView):
    template_name = "assessments/admin/item_analysis.html"
    header_icon = "view"

    def setup_objects(self, quiz_id):
        self.quiz = get_object_or_404(QuizPage, pk=quiz_id)
        user = self.request.user
        if not (user.is_superuser or staff_courses(user).filter(pk=self.quiz.course.pk).exists()):
            raise Http404

    def get_page_title(self):
        return _("Item analysis: %(quiz)s") % {"quiz": self.quiz.title}

    def get(self, request, quiz_id):
        return self.render(quiz=self.quiz, items=selectors.item_analysis(quiz=self.quiz))


class RetakeGrantForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=services.RETAKE_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Why the trainee may take the quiz again (e.g. a power cut, with evidence). Kept with the grant."
        ),
    )


class RetakeGrantView(StaffView):
    """재응시 허용: one trainee of the run may start one more attempt at a quiz, with a reason."""

    template_name = "assessments/admin/retake_grant.html"
    header_icon = "redirect"

    def setup_objects(self, run_id, quiz_id, enrolment_id):
        self.run = get_object_or_404(staff_runs(self.request.user).select_related("course"), pk=run_id)
        self.quiz = get_object_or_404(QuizPage.objects.descendant_of(self.run.course), pk=quiz_id)
        self.enrolment = get_object_or_404(Enrolment.objects.select_related("user"), pk=enrolment_id, run=self.run)

    def get_page_title(self):
        return _("Grant a retake: %(quiz)s") % {"quiz": self.quiz.title}

    def get(self, request, run_id, quiz_id, enrolment_id):
        return self.render_form(RetakeGrantForm())

    def post(self, request, run_id, quiz_id, enrolment_id):
        form = RetakeGrantForm(request.POST)
        if form.is_valid():
            try:
                services.retake_grant(
                    enrolment=self.enrolment, quiz=self.quiz, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except services.AssessmentError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("%(name)s may take %(quiz)s once more.")
                    % {"name": self.enrolment.user.get_full_name(), "quiz": self.quiz.title},
                )
                return redirect("gradebook:run", self.run.pk)
        return self.render_form(form)

    def render_form(self, form):
        return self.render(
            form=form,
            run=self.run,
            quiz=self.quiz,
            enrolment=self.enrolment,
            grants=selectors.retake_grants(enrolment=self.enrolment, quiz=self.quiz),
            attempts=selectors.run_attempts(enrolment=self.enrolment, quiz=self.quiz),
        )


class PracticalGradingView(StaffView):
    """실기평가 grading: the run's instructors record points per criterion and comments for each trainee."""

    template_name = "assessments/admin/practical_grading.html"
    header_icon = "clipboard-list"

    def setup_objects(self, run_id, assessment_id):
        user = self.request.user
        self.run = get_object_or_404(staff_runs(user), pk=run_id)
        self.assessment = get_object_or_404(
            selectors.practicals_for_user(user), pk=assessment_id, course_id=self.run.course_id
        )
        self.criteria = list(self.assessment.criteria.all())
        self.enrolments = list(
            Enrolment.objects.filter(run=self.run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
            .select_related("user")
            .order_by("user__name_ko", "pk")
        )

    def get_page_title(self):
        return f"{self.assessment.title} · {self.run.title}"

    def post(self, request, run_id, assessment_id):
        run, assessment = self.run, self.assessment
        enrolment_id = request.POST.get("enrolment", "")
        enrolment = get_object_or_404(Enrolment, pk=enrolment_id if enrolment_id.isdigit() else None, run=run)
        scores, comments = {}, {}
        try:
            for criterion in self.criteria:
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
        return redirect("gradebook:practical_grading", run.pk, assessment.pk)

    def get(self, request, run_id, assessment_id):
        criteria = self.criteria
        results = {r.enrolment_id: r for r in self.assessment.results.filter(enrolment__in=self.enrolments)}
        rows = []
        for enrolment in self.enrolments:
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
        return self.render(run=self.run, assessment=self.assessment, criteria=criteria, rows=rows)


class EssayGradingView(StaffView):
    """서술형 채점: the run's instructors give each essay answer points and a comment (첨삭).

    Lists the answers still to grade (``?all=1``: every essay answer, to correct a grade). Grading
    recomputes the attempt's score and re-evaluates the trainee's completion (``services.essay_grade``).
    """

    template_name = "assessments/admin/essay_grading.html"
    header_icon = "edit"

    def setup_objects(self, run_id):
        self.run = get_object_or_404(staff_runs(self.request.user), pk=run_id)

    def get_page_title(self):
        return _("Essay grading: %(run)s") % {"run": self.run}

    def get(self, request, run_id):
        show_all = request.GET.get("all") == "1"
        return self.render(
            run=self.run,
            answers=selectors.essay_answers(run=self.run, waiting_only=not show_all),
            show_all=show_all,
        )

    def post(self, request, run_id):
        answer_id = request.POST.get("answer", "")
        answer = get_object_or_404(
            selectors.essay_answers(run=self.run, waiting_only=False), pk=answer_id if answer_id.isdigit() else None
        )
        try:
            points = Decimal(request.POST.get("points", "").strip().replace(",", "."))
        except InvalidOperation:
            messages.error(request, _("Enter the points as a number."))
        else:
            try:
                services.essay_grade(
                    answer=answer, points=points, comment=request.POST.get("comment", ""), actor=request.user
                )
                messages.success(
                    request, _("Saved the grade of %(name)s.") % {"name": answer.attempt.user.get_full_name()}
                )
            except services.AssessmentError as error:
                messages.error(request, str(error))
        return redirect("gradebook:essay_grading", self.run.pk)


class SurveyResultsView(StaffView):
    """만족도 설문 results of one run: averages per statement and category, the response rate and the
    free-text answers, never with names (``survey.survey_results``)."""

    template_name = "assessments/admin/survey_results.html"
    header_icon = "list-ul"

    def setup_objects(self, run_id):
        self.run = get_object_or_404(staff_runs(self.request.user), pk=run_id)

    def get_page_title(self):
        return _("Satisfaction survey: %(run)s") % {"run": self.run}

    def get(self, request, run_id):
        from .survey import survey_results

        return self.render(run=self.run, results=survey_results(run=self.run))


# --------------------------------------------------------------------------------------------
# The viewsets (registered in ``assessments.wagtail_hooks``)
# --------------------------------------------------------------------------------------------


class QuestionImportViewSet(InstituteStaffViewSet):
    """GIFT and Moodle XML import into a question bank of the user's institutes."""

    model = QuestionBank
    permission_required = "add"
    name = "question_import"
    url_prefix = "assessments/import"
    icon = "upload"
    menu_label = gettext_lazy("Import questions")
    menu_order = 222

    def get_urlpatterns(self):
        return [path("", self.construct_view(QuestionImportView), name="index")]


class CompletionListView(StaffView):
    """수료자 명단 of a funded run (DOMAIN-KR §2.4) as CSV or XLSX, for entry on HRD-Net. Only the run's
    institute staff reach it (``staff_runs``: another institute's run is a 404); an unfunded run has none."""

    def setup_objects(self, run_id):
        self.run = get_object_or_404(staff_runs(self.request.user).filter(emp_ins_flag__gt=0), pk=run_id)

    def get(self, request, run_id):
        # Names, birth dates and employers: the reason first (DOMAIN-KR §5.3), the file on the POST.
        return self.reason_form_response(ExportReasonForm(), what=_("Completion list for HRD-Net"))

    def post(self, request, run_id):
        form = ExportReasonForm(request.POST)
        file_format = request.POST.get("format")
        if file_format not in ("csv", "xlsx") or not form.is_valid():
            return self.reason_form_response(form, what=_("Completion list for HRD-Net"), status=400)
        header = [
            _("Name"),
            _("Date of birth"),
            _("Workplace"),
            _("Cost-claiming workplace number"),
            _("Trainee type"),
            _("Progress (%)"),
            _("Total score"),
            pgettext("completion list column", "Completed"),
            _("Training period"),
        ]
        listed = funded.completion_list(self.run)
        rows = [
            [
                row.name,
                row.birth_date,
                row.workplace,
                row.workplace_number,
                row.trainee_type,
                row.progress_percent,
                row.total,
                _("Completed") if row.completed else _("Not completed"),
                row.training_period,
            ]
            for row in listed
        ]
        # Names, birth dates and employers: every download goes to the run's history and the access log.
        services.completion_list_export_log(
            run=self.run,
            actor=request.user,
            file_format=file_format,
            row_count=len(rows),
            reason=form.cleaned_data["reason"],
            subjects=[row.user_id for row in listed],
        )
        return table_response(
            filename=f"completion-list-{self.run.pk}", header=header, rows=rows, file_format=file_format
        )


class GradebookViewSet(InstituteStaffViewSet):
    """성적부 of the user's institutes' runs, item analysis of their quizzes, practical grading."""

    model = CourseRun
    name = "gradebook"
    url_prefix = "assessments"
    icon = "table"
    menu_label = gettext_lazy("Gradebook")
    menu_order = 221

    def get_urlpatterns(self):
        return [
            path("gradebook/", self.construct_view(GradebookIndexView), name="index"),
            path("runs/<int:run_id>/gradebook/", self.construct_view(GradebookView), name="run"),
            path("quizzes/<int:quiz_id>/analysis/", self.construct_view(ItemAnalysisView), name="item_analysis"),
            path(
                "runs/<int:run_id>/quizzes/<int:quiz_id>/retake/<int:enrolment_id>/",
                self.construct_view(RetakeGrantView),
                name="retake",
            ),
            path(
                "runs/<int:run_id>/practical/<int:assessment_id>/",
                self.construct_view(PracticalGradingView),
                name="practical_grading",
            ),
            path("runs/<int:run_id>/essays/", self.construct_view(EssayGradingView), name="essay_grading"),
            path(
                "runs/<int:run_id>/completion-list/",
                self.construct_view(CompletionListView),
                name="completion_list",
            ),
            path("runs/<int:run_id>/survey/", self.construct_view(SurveyResultsView), name="survey_results"),
        ]
