"""The learner's pages: a notice, and a course's question board (list, ask, thread, follow-up)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from courses.models import CoursePage

from . import selectors, services
from .forms import QuestionForm, ReplyForm
from .models import Notice


def notice_detail(request, notice_id: int):
    """A notice's page: site-wide and course notices for anyone, a run's for its trainees and staff."""
    notice = get_object_or_404(Notice.objects.select_related("course", "run"), pk=notice_id)
    if not selectors.notice_visible(request.user, notice):
        if not request.user.is_authenticated and notice.run_id is not None:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return render(request, "community/notice.html", {"notice": notice})


def _course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


@login_required
def question_list(request, course_id: int):
    """질의응답 of a course: the questions the person may read, and the form to ask one."""
    course = _course(course_id)
    run_ids = selectors.studying_run_ids(request.user, course=course)
    is_staff = selectors.is_course_staff(request.user, course)
    if not run_ids and not is_staff:
        raise Http404
    form = QuestionForm(request.POST or None) if run_ids else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                question = services.question_ask(user=request.user, course=course, **form.cleaned_data)
            except services.CommunityError as error:
                form.add_error(None, error)
            else:
                return redirect("community:question", course.pk, question.pk)
        status = 400
    questions = selectors.board_questions(request.user, course, run_ids=None if is_staff else run_ids)
    context = {"course": course, "questions": questions, "form": form, "is_staff": is_staff}
    return render(request, "community/question_list.html", context, status=status)


@login_required
def question_detail(request, course_id: int, question_id: int):
    """A question and its thread; the asker follows up here (the staff answer in the admin, or here)."""
    course = _course(course_id)
    question = get_object_or_404(
        selectors.visible_questions(request.user, course).select_related("asker", "run"), pk=question_id
    )
    may_reply = question.asker_id == request.user.pk or services.staff_may_answer(request.user, question)
    form = ReplyForm(request.POST or None) if may_reply else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied  # the public question of another trainee: read, not answered
        if form.is_valid():
            try:
                services.reply_add(question=question, author=request.user, body=form.cleaned_data["body"])
            except services.CommunityError as error:
                form.add_error("body", error)
            else:
                return redirect("community:question", course.pk, question.pk)
        status = 400
    context = {
        "course": course,
        "question": question,
        "replies": selectors.thread(question),
        "form": form,
    }
    return render(request, "community/question_detail.html", context, status=status)
