"""The trainee's own actions: enrol, withdraw, study (heartbeats, finishing a lesson)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import gates, presenters, protection, selectors, services
from .access import may_study
from .models import CoursePage, CourseRun, Enrolment, LessonPage


@login_required
@require_POST
def enrol(request, run_id):
    run = get_object_or_404(CourseRun.objects.select_related("course"), public_id=run_id)
    if not run.course.live:
        raise Http404
    refused, _event = protection.restricted_gate(request, course=run.course, obj=run, action="enrol")
    if refused is not None:  # a restricted course: every condition, asked and logged (F3.2, F3.4)
        return refused
    try:
        enrolment = services.enrolment_request(user=request.user, run=run)
    except services.RestrictedEnrolmentRefused as error:
        return protection.refusal_response(request, error.refusal, course=run.course)
    except services.PersonalDataStepRequired as error:
        messages.info(request, str(error))
        return redirect("courses:funded_personal_data", run_id=run.public_id)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, presenters.enrolment_status_message(enrolment))
    return redirect(run.course.url)


@login_required
@sensitive_post_parameters("resident_number")
def funded_personal_data(request, run_id):
    """The personal-data step of a funded enrolment (DOMAIN-KR §5.1): the 고유식별정보 notice with its
    legal basis, the 제3자 제공 consent, the device-data and 위탁 notices, the mobile phone and the
    주민등록번호. Done, it enrols the trainee (``enrolment_request``) and returns to the course.
    The number travels only in this POST's body: never in a URL, never rendered back."""
    from accounts.clients import client_address
    from accounts.forms import FundedPersonalDataForm
    from accounts.resident import InvalidResidentNumber
    from accounts.services import funded_personal_data_record

    run = get_object_or_404(CourseRun.objects.select_related("course"), public_id=run_id, emp_ins_flag__gt=0)
    if not run.course.live:
        raise Http404
    refused, _event = protection.restricted_gate(request, course=run.course, obj=run, action="enrol")
    if refused is not None:  # the step enrols: a restricted course asks every condition first, logged
        return refused
    form = FundedPersonalDataForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                funded_personal_data_record(
                    user=request.user,
                    resident_number=form.cleaned_data["resident_number"],
                    mobile_phone=form.cleaned_data["mobile_phone"],
                    ip=client_address(request) or None,
                )
            except InvalidResidentNumber as error:  # pragma: no cover - the form checked the same rule
                form.add_error("resident_number", str(error))
            else:
                try:
                    enrolment = services.enrolment_request(user=request.user, run=run)
                except services.EnrolmentError as error:
                    messages.error(request, str(error))
                else:
                    messages.success(request, presenters.enrolment_status_message(enrolment))
                return redirect(run.course.url)
        status = 400
    return render(
        request,
        "courses/funded_personal_data.html",
        presenters.funded_personal_data_context(run=run, form=form, user=request.user),
        status=status,
    )


@login_required
@require_POST
def withdraw(request, enrolment_id):
    # Only the trainee's own enrolment: anyone else's id is a 404.
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("run__course"), public_id=enrolment_id, user=request.user
    )
    try:
        services.enrolment_withdraw(enrolment=enrolment, actor=request.user)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("You have withdrawn from %(course)s.") % {"course": enrolment.run.course.display_title}
        )
    next_url = request.POST.get("next")
    return redirect(next_url if next_url == "/learn/" else enrolment.run.course.url)


def _lesson_for(request, lesson_id) -> LessonPage:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.course
    if not may_study(
        user=request.user, course=course, enrolment=selectors.studying_enrolment(user=request.user, course=course)
    ):
        raise Http404
    return lesson


@login_required
@require_POST
def heartbeat(request, lesson_id):
    """Sent every few seconds while a lesson is on screen; the server decides what time counts.

    ``end=1`` says the trainee has reached the lesson's last page (funded runs need it for 100 %);
    ``session`` is the study-session token the page was given (one active study session per
    trainee: a page whose session was taken over is answered ``taken_over`` with the message).
    """
    lesson = _lesson_for(request, lesson_id)
    course = lesson.course
    if protection.is_restricted(course, lesson):
        # No credit while a condition is missing (an expiry stops the clock at the next beat). Only
        # refusals are logged here: the page view that started the study is the logged access.
        refusal = None
        if not protection.is_owning_staff(user=request.user, course=course):
            refusal = protection.restricted_refusal(user=request.user, course=course, now=timezone.now())
            if refusal is not None and protection.superuser_reason(request, course=course, now=timezone.now()):
                refusal = None
        if refusal is not None:
            with transaction.atomic():
                protection.restricted_access_log(
                    user=request.user,
                    action="view",
                    obj=lesson,
                    result=f"refused:{refusal.key}",
                    course=course,
                    data={"lesson": lesson.pk, "heartbeat": True},
                )
            return JsonResponse(
                {"recorded": False, "refused": refusal.key, "message": f"{refusal.title} {refusal.message}"},
                status=403,
            )
    try:
        progress = services.progress_heartbeat(
            user=request.user,
            lesson=lesson,
            resume=request.POST.get("resume") == "1",
            reached_end=request.POST.get("end") == "1",
            session=request.POST.get("session", "")[:64],
        )
    except services.StudySessionTakenOver as taken_over:
        # Another browser opened a lesson since this page did: this page stops its heartbeats.
        return JsonResponse({"recorded": False, "taken_over": True, "message": str(taken_over)})
    if progress is None:
        return JsonResponse({"recorded": False})
    required = lesson.study_minutes * 60
    data = {
        "recorded": True,
        "seconds_studied": progress.seconds_studied,
        "required_seconds": required,
        "completed": progress.completed_at is not None,
        "can_complete": progress.seconds_studied >= required,
    }
    if progress.enrolment.run.is_funded:
        data["percent"] = gates.lesson_percent_of(progress, lesson)
        data["reached_end"] = progress.final_activity_at is not None
        data["refused"] = getattr(progress, "credit_refusal", "")
    return JsonResponse(data)


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    """*Finish this lesson*: in a restricted course (or lesson) the conditions are asked and the
    request logged first, like the lesson page (a lapsed condition earns no completion)."""
    lesson = _lesson_for(request, lesson_id)
    refused, _event = protection.restricted_gate(request, course=lesson.course, lesson=lesson, obj=lesson)
    if refused is not None:
        return refused
    try:
        progress = services.lesson_complete(user=request.user, lesson=lesson)
    except services.EnrolmentError as error:
        messages.warning(request, str(error))
        return redirect(lesson.url)
    if progress.completed_at is None:  # a funded run: the end is recorded, the time is not there yet
        messages.warning(request, services.lesson_incomplete_message(progress=progress, lesson=lesson))
        return redirect(lesson.url)
    messages.success(request, _("Lesson completed."))
    following = selectors.next_lesson_after(lesson=lesson)
    return redirect(following.url if following else lesson.course.url)


@login_required
def restricted_reason(request, course_id):
    """A superuser opens a restricted course's material without its conditions by giving a reason
    (logged with every access for ``protection.BYPASS_MINUTES`` minutes). Nobody else may."""
    if not request.user.is_superuser:
        raise PermissionDenied
    course = get_object_or_404(CoursePage, pk=course_id)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = ""
    next_url = next_url or course.url or "/learn/"
    error = ""
    reason = ""
    if request.method == "POST":
        reason = " ".join(request.POST.get("reason", "").split())
        if len(reason) < protection.BYPASS_MIN_REASON:
            error = _("Give a reason of at least %(n)s characters.") % {"n": protection.BYPASS_MIN_REASON}
        else:
            protection.superuser_reason_give(request, course=course, reason=reason, now=timezone.now())
            return redirect(next_url)
    return render(
        request,
        "courses/restricted_reason.html",
        {
            "course": course,
            "next": next_url,
            "reason": reason,
            "error": error,
            "minutes": protection.BYPASS_MINUTES,
        },
        status=400 if error else 200,
    )


def _seconds(value) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return 0.0
    return seconds if 0 <= seconds < 10**7 else 0.0


def _played_ranges(value: str) -> list:
    """The ``played`` field: the browser's played ranges as JSON ``[[start, end], …]`` (at most 100)."""
    import json

    try:
        ranges = json.loads(value or "[]")
    except ValueError:
        return []
    return [r for r in ranges if isinstance(r, list) and len(r) == 2][:100] if isinstance(ranges, list) else []


@login_required
@require_POST
def video_position(request, lesson_id, document_id):
    """The player's position in one video of a lesson (every heartbeat, on pause and at the end),
    stored per trainee so the lesson resumes there on any device. Credits no study time.

    Only for a trainee who may study the lesson (else 404, like the heartbeat), only for a video the
    lesson shows (404), and in restricted material only while its conditions hold (403)."""
    lesson = _lesson_for(request, lesson_id)
    course = lesson.course
    if protection.is_restricted(course, lesson) and not protection.is_owning_staff(user=request.user, course=course):
        now = timezone.now()
        refusal = protection.restricted_refusal(user=request.user, course=course, now=now)
        if refusal is not None and not protection.superuser_reason(request, course=course, now=now):
            return JsonResponse({"recorded": False, "refused": refusal.key}, status=403)
    try:
        record = services.video_position_save(
            user=request.user,
            lesson=lesson,
            document_id=document_id,
            position=_seconds(request.POST.get("position")),
            played=_played_ranges(request.POST.get("played", "")),
            ended=request.POST.get("ended") == "1",
        )
    except services.EnrolmentError as error:
        return JsonResponse({"recorded": False, "message": str(error)}, status=404)
    state = presenters.lesson_video_state(lesson=lesson, user=request.user, studying=True)
    return JsonResponse(
        {
            "recorded": True,
            "position": record.position_seconds,
            "ended": record.ended_at is not None,
            "watched": state.get("watched", "00:00"),
            "total": state.get("total", "00:00"),
        }
    )


def video_poster(request, document_id):
    """A video's poster frame, for those who may open the video; none for restricted videos (the
    frame is restricted material, and the player shows its watermark overlay instead)."""
    from django.core.files.storage import storages
    from django.http import HttpResponse
    from wagtail.documents import get_document_model

    from .access import user_can_download_document
    from .labels import document_sensitivity
    from .models import Sensitivity, VideoInfo

    document = get_object_or_404(get_document_model(), pk=document_id)
    info = VideoInfo.objects.filter(document=document, state=VideoInfo.State.READY).exclude(poster="").first()
    if info is None or not user_can_download_document(user=request.user, document=document):
        raise Http404
    if document_sensitivity(document) == Sensitivity.RESTRICTED:
        raise Http404
    try:
        with storages["video_posters"].open(info.poster, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise Http404 from error
    response = HttpResponse(data, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_document(request, document_id, document_filename):
    """``/documents/<id>/<filename>``: Wagtail's document view, except that a video or caption file
    is streamed with Range support (``courses.streaming``). Every ``before_serve_document`` hook is
    asked in order, as Wagtail does (the Academy's rules, Wagtail's collection restrictions): the
    first refusal is the answer; a stream one of them prepared (a restricted video, with its log
    entries) is sent only when no later hook refuses."""
    from django.http import HttpResponseBase, StreamingHttpResponse
    from wagtail import hooks
    from wagtail.documents import get_document_model
    from wagtail.documents.models import document_served
    from wagtail.documents.views.serve import serve

    from .streaming import is_streamed, stream_document

    document = get_object_or_404(get_document_model(), pk=document_id)
    if document.filename != document_filename:
        raise Http404
    if not is_streamed(document):
        return serve(request, document_id, document_filename)
    prepared = None
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, StreamingHttpResponse) and prepared is None:
            prepared = result
        elif isinstance(result, HttpResponseBase):
            return result
    document_served.send(sender=type(document), instance=document, request=request)
    return prepared if prepared is not None else stream_document(request, document)
