"""Sending a video (or its caption file) to someone the document rules let in.

``protect_course_documents`` (``courses.wagtail_hooks``) asks the same questions as for every
protected document (``courses.access.user_can_download_document``, then the restricted-material
conditions of ``courses.restricted_documents``); only then is ``stream_document`` called. It answers
in one of three ways, by configuration:

- **embedded default** (a local media folder, no ``ACADEMY_MEDIA_ACCEL_PREFIX``): Django reads the
  file in chunks and answers ``Range`` requests itself (``common.ranges``: 206, 416, If-Range);
- **production behind nginx** (``ACADEMY_MEDIA_ACCEL_PREFIX``, e.g. ``/_protected/``): the web node
  only authorises and answers an empty response with ``X-Accel-Redirect: <prefix><file name>``; the
  ``internal`` nginx location (deploy/nginx.conf) serves the bytes from the media folder, with
  ranges. Clients cannot ask for that location themselves;
- **S3-compatible storage** (no local path): a signed URL that lives
  ``ACADEMY_MEDIA_SIGNED_URL_SECONDS``, issued after the same check; behind nginx (the prefix set)
  ``X-Accel-Redirect: /_protected_s3/`` with the URL in ``X-Academy-Signed-Url``, and nginx fetches
  it (passing ``Range`` on), so the URL never reaches the browser; without nginx, a redirect to it.

Every answer is ``Cache-Control: private`` (restricted material: ``private, no-store``) and
``X-Content-Type-Options: nosniff``; captions go as ``text/vtt``.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect

from common.ranges import ranged_file_response

from .video import STREAMED_EXTENSIONS, extension_of

#: The internal nginx location that fetches a signed S3 URL (``X-Academy-Signed-Url``) for the client.
S3_ACCEL_LOCATION = "/_protected_s3/"
CONTENT_TYPES = {"mp4": "video/mp4", "webm": "video/webm", "vtt": "text/vtt; charset=utf-8"}


def is_streamed(document) -> bool:
    return extension_of(document.file.name if document.file else "") in STREAMED_EXTENSIONS


def _local_path(field_file) -> str | None:
    try:
        return field_file.path
    except NotImplementedError:
        return None


def _disposition(document) -> str:
    return f"inline; filename*=UTF-8''{quote(document.filename or 'video')}"


def stream_document(request, document, *, cache_control: str = "private") -> HttpResponse:
    """The answer that sends ``document``'s bytes (the caller has checked who asks)."""
    field_file = document.file
    content_type = CONTENT_TYPES.get(extension_of(field_file.name), "application/octet-stream")
    headers = {
        "Cache-Control": cache_control,
        "Content-Disposition": _disposition(document),
        "X-Content-Type-Options": "nosniff",
    }
    prefix = getattr(settings, "ACADEMY_MEDIA_ACCEL_PREFIX", "")
    if _local_path(field_file) is None:
        if prefix:  # nginx fetches the signed URL itself: it never reaches the browser
            response = HttpResponse(content_type=content_type)
            response["X-Accel-Redirect"] = S3_ACCEL_LOCATION
            response["X-Academy-Signed-Url"] = _signed_url(field_file)
            for key, value in headers.items():
                response[key] = value
            return response
        return _signed_redirect(field_file, headers)
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
        for key, value in headers.items():
            response[key] = value
        return response
    storage = field_file.storage
    modified = storage.get_modified_time(field_file.name)
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=datetime.UTC)
    size = storage.size(field_file.name)
    return ranged_file_response(
        request,
        open_file=lambda: storage.open(field_file.name, "rb"),
        size=size,
        content_type=content_type,
        # nginx's own ETag for a static file (mtime and size in hex): the same validator whichever
        # of the two sends the bytes, so If-Range keeps working across a change of configuration.
        etag=f"{int(modified.timestamp()):x}-{size:x}",
        last_modified=modified.replace(microsecond=0),
        headers=headers,
    )


def _signed_url(field_file) -> str:
    """A short-lived signed URL to the object in S3-compatible storage (django-storages signs it)."""
    seconds = getattr(settings, "ACADEMY_MEDIA_SIGNED_URL_SECONDS", 300)
    return field_file.storage.url(field_file.name, expire=seconds)


def _signed_redirect(field_file, headers: dict[str, str]) -> HttpResponse:
    """Remote storage without nginx in front: the browser is sent to the signed URL."""
    response = HttpResponseRedirect(_signed_url(field_file))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = headers["X-Content-Type-Options"]
    return response
