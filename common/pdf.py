"""PDF rendering with WeasyPrint, shared by every PDF the Academy makes (certificates, evidence packs).

Fonts and images are read only through ``SafeURLFetcher``: the project's static files (the Korean
fonts shipped in ``static/fonts/``, loaded with ``@font-face``), media files of Wagtail images
(logos, seals, signatures) and ``data:`` URLs (QR codes). It refuses ``file://`` and every network
address, and any refused or missing resource stops the rendering: a document silently printed in a
fallback font is worse than a retry.

WeasyPrint subsets embedded fonts with HarfBuzz when ``libharfbuzz-subset0`` is installed (else
with fontTools, which takes about half a second for a Korean font instead of a few milliseconds);
``subsetting_backend`` tells which one this process uses, and a system check warns about the slow one.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

#: The origin relative URLs in a PDF's HTML resolve against. ``.invalid`` never resolves
#: (RFC 2606): nothing under it can come from the network, and the fetcher serves it from disk.
INTERNAL_ORIGIN = "https://academy-pdf.invalid"
FONT_FILES = ("fonts/NanumMyeongjo.ttf", "fonts/NanumMyeongjoBold.ttf")
#: Media folders a PDF may read images from (Wagtail's original images and renditions).
MEDIA_FOLDERS = ("original_images/", "images/")


class RefusedURL(ValueError):
    """The PDF asked for something outside the project's static and media files."""


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint with the safe fetcher; relative URLs resolve against ``INTERNAL_ORIGIN``."""
    font_config = _font_configuration()
    document = HTML(string=html, base_url=f"{INTERNAL_ORIGIN}/", url_fetcher=SafeURLFetcher())
    return document.write_pdf(font_config=font_config)


_local = threading.local()


def _font_configuration() -> FontConfiguration:
    """One Fontconfig set-up per process (and thread), reused by every render.

    A new ``FontConfiguration`` loads Fontconfig's whole configuration and copies the 4 MB
    ``@font-face`` files into a temporary folder for Fontconfig to scan, on every render; kept,
    the shipped fonts are added once (WeasyPrint skips a face it already has). It holds only
    those immutable files: nothing is shared between processes, and a forked worker child (a new
    process id) builds its own instead of using its parent's.
    """
    pid = os.getpid()
    if getattr(_local, "pid", None) != pid:
        _local.pid = pid
        _local.font_config = FontConfiguration()
    return _local.font_config


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------------------------
# Fetching fonts and images without the network
# --------------------------------------------------------------------------------------------


def _static_path(relative: str) -> Path:
    if posixpath.normpath(relative) != relative or relative.startswith(("/", "..")):
        raise RefusedURL(f"static file {relative!r} is outside the static folders")
    found = finders.find(relative)
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        candidate = Path(safe_join(str(settings.STATIC_ROOT), relative))
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no static file {relative}")


def _media_name(relative: str) -> str:
    name = posixpath.normpath(relative)
    if name != relative or name.startswith(("/", "..")) or not name.startswith(MEDIA_FOLDERS):
        raise RefusedURL(f"media file {relative!r} is not an image a PDF may show")
    return name


class SafeURLFetcher(URLFetcher):
    """Serves the project's static files, Wagtail image files and ``data:`` URLs; nothing else.

    ``file://`` URLs and every network address are refused, so a template (or a name someone
    typed into it) can never read the server's files or make the worker call out. A refused or
    missing resource stops the rendering (``fail_on_errors``).
    """

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True, timeout=1)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != INTERNAL_ORIGIN or parts.query:
            raise RefusedURL(f"a PDF may not fetch {url!r}")
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            file_path = _static_path(path[len(settings.STATIC_URL) :])
            return URLFetcherResponse(url, body=file_path.read_bytes(), headers=_content_type(file_path.name))
        if path.startswith(settings.MEDIA_URL):
            name = _media_name(path[len(settings.MEDIA_URL) :])
            with default_storage.open(name, "rb") as handle:
                return URLFetcherResponse(url, body=handle.read(), headers=_content_type(name))
        raise RefusedURL(f"a PDF may not fetch {url!r}")


def _content_type(name: str) -> dict:
    import mimetypes

    guessed, _encoding = mimetypes.guess_type(name)
    if name.endswith(".ttf"):
        guessed = "font/ttf"
    return {"Content-Type": guessed or "application/octet-stream"}


# --------------------------------------------------------------------------------------------
# Font subsetting
# --------------------------------------------------------------------------------------------


def subsetting_backend() -> str:
    """``"harfbuzz"`` when WeasyPrint can subset fonts with HarfBuzz (fast), else ``"fonttools"``.

    WeasyPrint 70 picks HarfBuzz-subset when ``libharfbuzz-subset`` loads and HarfBuzz is at
    least 4.1 (``weasyprint.pdf.fonts.Font.subset``); the same test is made here.
    """
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0):
        return "harfbuzz"
    return "fonttools"
