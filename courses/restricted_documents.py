"""Serving restricted documents (DOMAIN-KR §3.3 F3.7): no raw file, a stamped copy per request.

After the library's own permission check (``courses.access.user_can_download_document``), a
document whose effective label is restricted (``courses.labels.document_sensitivity``) opens only
for

- the staff of the institute that owns it (owners: no trainee conditions, but the stamped copy and
  the log entries all the same), and
- trainees studying a course that uses it in a live lesson, for which
  ``courses.protection.restricted_refusal`` finds nothing missing (else the refusal's 403 page).

Every attempt is an access-log entry (``restricted_access_log``): "download" for the attempt,
allowed or refused with the condition's key. A PDF is then rendered again for this request: a
"render" entry is written and its id, with the viewer's masked name, organisations and the time
(``watermark_text``), is printed diagonally and in the footer of **every page** (an overlay page
made with WeasyPrint and the shipped Korean font, merged with pypdf). It is served inline,
``Cache-Control: private, no-store``, never as an attachment. A restricted video is served to the
same people after a "stream" entry (with Range support, ``courses.streaming``), and so are its
WebVTT captions; its lesson shows the moving overlay (``restricted_watermark``).
Other file types cannot be restricted at all (the document form refuses them).

The files themselves are never reachable by URL: ``WAGTAILDOCS_SERVE_METHOD = "serve_view"``,
development's media route serves only ``images/`` and ``original_images/``
(``ACADEMY_SERVE_MEDIA``), and the nginx configuration in ``deploy/`` proxies every path to Django.
"""

from __future__ import annotations

import io

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf.errors import PyPdfError as PdfError

from .labels import (
    STAMPABLE_EXTENSIONS,
    VIDEO_EXTENSIONS,
    document_courses,
    document_extension,
    document_own_sensitivity,
    document_sensitivity,
)
from .models import Sensitivity
from .permissions import institute_of_collection, user_is_institute_staff
from .protection import (
    Refusal,
    refusal_response,
    restricted_access_log,
    restricted_refusal,
    superuser_reason,
    superuser_refusal,
    watermark_text,
)
from .video import CAPTION_EXTENSIONS

NO_STORE = "private, no-store"


def _courses(uses) -> list:
    return list({course.pk: course for course, _lesson in uses}.values())


def _strictest_refusal(request, uses, *, now):
    """The first condition missed for ANY course that uses the document (the document opens only for
    someone who may open every restricted course using it: the strictest rule, so a course's own
    export approval or security-training requirement is never skipped by way of another course).
    A restricted document no live course uses opens for nobody but its institute's staff: there is
    no course whose conditions could be asked."""
    courses = _courses(uses)
    if not courses:
        return (
            Refusal(
                key="unassigned",
                title=_("This file is not part of a course"),
                message=_("Restricted files open only through a course that uses them."),
            ),
            None,
        )
    for course in courses:
        refusal = restricted_refusal(user=request.user, course=course, now=now)
        if refusal is not None:
            return refusal, course
    return None, courses[0]


def serve_restricted_document(document, request, *, allowed: bool):
    """The response for a restricted document, or None when the document is not restricted (the
    library serves it as before). ``allowed``: the library's own permission check passed."""
    own = document_own_sensitivity(document)
    uses = document_courses(document, restricted_only=own != Sensitivity.RESTRICTED)
    if document_sensitivity(document, uses=uses) != Sensitivity.RESTRICTED:
        return None
    user = request.user
    now = timezone.now()
    course = uses[0][0] if uses else None
    data = {"document": document.pk}
    if not allowed:
        restricted_access_log(
            user=user, action="download", obj=document, result="refused:access", course=course, data=data
        )
        return None  # the library's own refusal follows (login page or 403)
    owner = institute_of_collection(document.collection_id)
    reason = ""
    if owner is not None and not user.is_superuser and user_is_institute_staff(user=user, institute=owner):
        data["owner"] = True  # the owning institute's instructors and managers (superusers are not, by this rule)
    else:
        refusal, course = _strictest_refusal(request, uses, now=now)
        if refusal is not None and user.is_superuser and course is not None:
            reason = next((r for r in (superuser_reason(request, course=c, now=now) for c in _courses(uses)) if r), "")
            if reason:
                refusal, data["basis"] = None, "superuser"
            else:
                refusal = superuser_refusal(refusal, course=course, path=request.get_full_path())
        if refusal is not None:
            restricted_access_log(
                user=user, action="download", obj=document, result=f"refused:{refusal.key}", course=course, data=data
            )
            response = refusal_response(request, refusal, course=course)
            response["Cache-Control"] = NO_STORE
            return response
    restricted_access_log(
        user=user, action="download", obj=document, result="allowed", course=course, data=data, reason=reason
    )
    if document_extension(document) in VIDEO_EXTENSIONS + CAPTION_EXTENSIONS:
        from .streaming import stream_document

        restricted_access_log(user=user, action="stream", obj=document, result="allowed", course=course, data=data)
        return stream_document(request, document, cache_control=NO_STORE)  # the lesson shows the overlay
    if document_extension(document) not in STAMPABLE_EXTENSIONS:
        return _unstampable(request, document, course=course, data=data)
    event = restricted_access_log(user=user, action="render", obj=document, result="allowed", course=course, data=data)
    text = watermark_text(user=user, event=event, now=now)
    with document.open_file() as handle:
        original = handle.read()
    try:
        stamped = stamp_pdf(original, text)
    except (PdfError, ValueError):
        return _unstampable(request, document, course=course, data=data)
    response = HttpResponse(stamped, content_type="application/pdf")
    filename = (document.filename or "document.pdf").replace('"', "")
    response["Content-Disposition"] = f"inline; filename*=UTF-8''{_quote(filename)}"
    response["Cache-Control"] = NO_STORE
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Academy-Access-Event"] = str(event.pk)
    return response


def _unstampable(request, document, *, course, data):
    """A restricted file that cannot carry the watermark (used by a restricted lesson although it is
    not a PDF, or a damaged PDF) is not served at all."""
    restricted_access_log(
        user=request.user, action="render", obj=document, result="refused:unstampable", course=course, data=data
    )
    refusal = Refusal(
        key="unstampable",
        title=_("This file cannot be shown"),
        message=_(
            "Restricted material is shown only with the viewer's watermark, and this file cannot carry one. "
            "Ask the institute to provide it as a PDF."
        ),
    )
    response = refusal_response(request, refusal, course=course)
    response["Cache-Control"] = NO_STORE
    return response


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value)


def stamp_pdf(original: bytes, text: str) -> bytes:
    """``original`` with ``text`` over every page (one overlay per page size, rendered once)."""
    from pypdf import PdfReader, PdfWriter

    from common.pdf import html_to_pdf

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(original)))
    overlays: dict[tuple[float, float], object] = {}
    notice = _("Restricted material: do not copy or pass on.")
    for page in writer.pages:
        width, height = round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)
        if (width, height) not in overlays:
            html = render_to_string(
                "courses/watermark_overlay_pdf.html",
                {
                    "width": width,
                    "height": height,
                    "text": text,
                    "notice": notice,
                    "size": max(9, min(width, height) / 30),
                },
            )
            overlays[(width, height)] = PdfReader(io.BytesIO(html_to_pdf(html))).pages[0]
        page.merge_page(overlays[(width, height)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
