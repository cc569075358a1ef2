"""The learner's pages: a notice, and a course's question board (list, ask, thread, follow-up).

A restricted course's board, threads and notices ask the course's conditions on every request and
log it (``courses.protection.restricted_gate``, action "view"), like its lessons. A staff member's
view of the board or a thread (askers' names, private questions) is a personal-data access record."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from courses.models import CoursePage, Sensitivity
from courses.protection import restricted_gate
from ops.privacy import personal_data_access_record

from . import selectors, services
from .forms import QuestionForm, ReplyForm
from .models import Notice

#: Questions on a page of the learner's board.
PAGE_SIZE = 20


def notice_detail(request, notice_id: int):
    """A notice's page: site-wide notices for anyone; a course's for those who may view the course
    (live, its view restrictions, members-only: signed in, restricted: its conditions); a run's for
    its trainees. The course's institute staff and administrators see every notice."""
    notice = get_object_or_404(Notice.objects.select_related("course", "run"), pk=notice_id)
    if not selectors.notice_visible(request.user, notice):
        course = notice.course
        signing_in_helps = notice.run_id is not None or (
            course is not None and course.live and course.sensitivity != Sensitivity.PUBLIC
        )
        if not request.user.is_authenticated and signing_in_helps:
            return redirect_to_login(request.get_full_path())
        raise Http404
    course = notice.course
    if course is not None and not (request.user.is_superuser or selectors.is_course_staff(request.user, course)):
        if not all(restriction.accept_request(request) for restriction in course.get_view_restrictions()):
            raise Http404
    if course is not None:
        refused, _event = restricted_gate(request, course=course, obj=notice)
        if refused is not None:
            return refused
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
    refused, _event = restricted_gate(request, course=course, obj=course)
    if refused is not None:
        return refused
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
                status = 429 if isinstance(error, services.RateLimited) else 400
            else:
                return redirect("community:question", course.pk, question.pk)
        else:
            status = 400
    query = selectors.board_questions_query(request.user, course, run_ids=None if is_staff else run_ids)
    paginator = Paginator(query, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    questions = list(page_obj.object_list)
    if is_staff:
        personal_data_access_record(
            actor=request.user, action="view", subjects=[q.asker_id for q in questions], obj=course
        )
    context = {
        "course": course,
        "questions": questions,
        "page_obj": page_obj,
        "paginator": paginator,
        "form": form,
        "is_staff": is_staff,
    }
    return render(request, "community/question_list.html", context, status=status)


@login_required
def question_detail(request, course_id: int, question_id: int):
    """A question and its thread; the asker follows up here while they study in the run (the staff
    answer in the admin, or here)."""
    course = _course(course_id)
    question = get_object_or_404(
        selectors.visible_questions(request.user, course).select_related("asker", "run"), pk=question_id
    )
    refused, _event = restricted_gate(request, course=course, obj=question)
    if refused is not None:
        return refused
    is_staff = services.staff_may_answer(request.user, question)
    may_reply = is_staff or (question.asker_id == request.user.pk and services.asker_may_follow_up(question))
    form = ReplyForm(request.POST or None) if may_reply else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied  # another trainee's public question, or the asker no longer in the run
        if form.is_valid():
            try:
                services.reply_add(question=question, author=request.user, body=form.cleaned_data["body"])
            except services.CommunityError as error:
                form.add_error("body", error)
                status = 429 if isinstance(error, services.RateLimited) else 400
            else:
                return redirect("community:question", course.pk, question.pk)
        else:
            status = 400
    replies = selectors.thread(question)
    if selectors.is_course_staff(request.user, course):
        personal_data_access_record(
            actor=request.user,
            action="view",
            subjects=[question.asker_id, *(reply.author_id for reply in replies)],
            obj=question,
        )
    context = {"course": course, "question": question, "replies": replies, "form": form}
    return render(request, "community/question_detail.html", context, status=status)
