"""The trainee's side of an assignment (the page takes the form's POST) and the file download.

A submitted file is never under a public URL: ``submission_file`` serves it to the submitting
trainee and the staff of the course's institute (its policy), a 403 for anyone else signed in.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from courses.selectors import studying_enrolment

from . import assignments
from .assignment_forms import SubmissionForm
from .models import AssignmentPage, SubmissionFile
from .services import AssessmentError


def handle_submission_post(request, page: AssignmentPage):
    """The page's form sent by POST: ``(redirect, None)`` when saved, ``(None, form)`` to show errors."""
    enrolment = studying_enrolment(user=request.user, course=page.course)
    existing = list(SubmissionFile.objects.filter(submission__assignment=page, submission__enrolment=enrolment))
    form = SubmissionForm(request.POST, request.FILES, assignment=page, existing_files=existing)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return None, form
    submit = request.POST.get("action") == "submit"
    try:
        assignments.submission_save(
            assignment=page,
            user=request.user,
            text=form.cleaned_data.get("text") if page.accepts_text else None,
            uploads=form.cleaned_data.get("files") or [],
            remove=form.cleaned_data.get("remove") or [],
            submit=submit,
        )
    except AssessmentError as error:
        form.add_error(None, str(error))
        messages.error(request, str(error))
        return None, form
    if submit:
        messages.success(request, _("Your assignment was submitted for grading."))
    else:
        messages.success(request, _("Your draft was saved. Submit it before the due date to have it graded."))
    return redirect(page.url), None


@login_required
@require_GET
def submission_file(request, file_id):
    """A file of a submission, as an attachment, to its trainee and the institute's staff only."""
    item = get_object_or_404(
        SubmissionFile.objects.select_related("submission__enrolment__run__course"), public_id=file_id
    )
    if not assignments.user_may_read_submission(user=request.user, submission=item.submission):
        raise PermissionDenied
    try:
        handle = default_storage.open(item.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type="application/octet-stream"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
