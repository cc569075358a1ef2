"""HTTP range requests (RFC 9110 §14) for files that a view sends after checking permissions.

Browsers seek in a ``<video>`` by asking for byte ranges; without ``206 Partial Content`` they
cannot. One function reads the ``Range`` header (``parse_range``) and one answers it
(``ranged_file_response``):

- a single range in bytes: ``bytes=a-b``, ``bytes=a-`` (to the end), ``bytes=-n`` (the last n);
  the end is clipped to the file's size;
- a range that starts at or past the end, ``bytes=-0``, a first position after the last one or a
  malformed ``bytes=`` value: ``416`` with ``Content-Range: bytes */size`` (as nginx answers the
  same request in production, ``courses.streaming``);
- another unit, or several ranges at once: the header is ignored and the whole file sent (RFC 9110
  allows it; no browser asks for several ranges of a video);
- ``If-Range`` with the file's strong ETag or its exact Last-Modified date: the range is served;
  anything else (the file changed): the whole file, ``200``;
- ``Accept-Ranges: bytes`` on every answer, ``If-None-Match``/``If-Modified-Since`` answered 304.

The bytes are read from the storage in chunks (never the whole file in memory).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe, quote_etag

CHUNK_BYTES = 64 * 1024
_SPEC = re.compile(r"^\s*(\d*)\s*-\s*(\d*)\s*$")


@dataclass(frozen=True)
class ByteRange:
    """Bytes ``start`` to ``end`` of a file, both included."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class Unsatisfiable(Exception):
    """The range asked for cannot be served (answered 416)."""


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The one range ``header`` asks for in a file of ``size`` bytes; None: send the whole file.
    Raises ``Unsatisfiable`` for a range nothing of the file answers."""
    if not header:
        return None
    unit, _sep, value = header.strip().partition("=")
    if unit.strip().lower() != "bytes":
        return None
    if "," in value:
        return None  # several ranges: allowed to ignore, and no player asks for them
    match = _SPEC.match(value)
    if match is None:
        raise Unsatisfiable(header)
    first, last = match.groups()
    if first == "" and last == "":
        raise Unsatisfiable(header)
    if first == "":  # the last n bytes
        count = int(last)
        if count == 0 or size == 0:
            raise Unsatisfiable(header)
        return ByteRange(max(0, size - count), size - 1)
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if start >= size or (last != "" and int(last) < start):
        raise Unsatisfiable(header)
    return ByteRange(start, end)


def if_range_matches(header: str | None, *, etag: str | None, last_modified: datetime.datetime | None) -> bool:
    """Does ``If-Range`` name the file as it is (a strong ETag, or its exact date)? No header: yes."""
    if not header:
        return True
    header = header.strip()
    if header.startswith('"') or header.startswith("W/"):
        return etag is not None and not header.startswith("W/") and header == quote_etag(etag)
    when = parse_http_date_safe(header)
    return when is not None and last_modified is not None and when == int(last_modified.timestamp())


def _chunks(open_file: Callable[[], IO[bytes]], start: int, length: int) -> Iterator[bytes]:
    handle = open_file()
    try:
        handle.seek(start)
        left = length
        while left > 0:
            data = handle.read(min(CHUNK_BYTES, left))
            if not data:
                break
            left -= len(data)
            yield data
    finally:
        handle.close()


def ranged_file_response(
    request,
    *,
    open_file: Callable[[], IO[bytes]],
    size: int,
    content_type: str,
    etag: str | None = None,
    last_modified: datetime.datetime | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """The answer to a GET or HEAD of a file: 200 (whole), 206 (one range), 304 or 416.
    ``open_file`` opens the file for reading in binary (called only when bytes are sent);
    ``headers`` are added to every answer (Cache-Control, Content-Disposition, …)."""
    extra = {"Accept-Ranges": "bytes", **(headers or {})}
    if etag:
        extra["ETag"] = quote_etag(etag)
    if last_modified is not None:
        extra["Last-Modified"] = http_date(last_modified.timestamp())
    conditional = get_conditional_response(
        request, etag=extra.get("ETag"), last_modified=int(last_modified.timestamp()) if last_modified else None
    )
    if conditional is not None:  # 304 Not Modified or 412
        for key, value in extra.items():
            conditional[key] = value
        return conditional
    try:
        wanted = parse_range(request.headers.get("Range"), size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        for key, value in extra.items():
            response[key] = value
        return response
    if wanted is not None and not if_range_matches(
        request.headers.get("If-Range"), etag=etag, last_modified=last_modified
    ):
        wanted = None  # the file changed since the client's copy: all of it again
    start, length = (wanted.start, wanted.length) if wanted is not None else (0, size)
    body = iter(()) if request.method == "HEAD" else _chunks(open_file, start, length)
    response = StreamingHttpResponse(body, content_type=content_type, status=206 if wanted is not None else 200)
    response["Content-Length"] = str(length)
    if wanted is not None:
        response["Content-Range"] = f"bytes {wanted.start}-{wanted.end}/{size}"
    for key, value in extra.items():
        response[key] = value
    return response
