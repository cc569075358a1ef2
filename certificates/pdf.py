"""The certificate PDF: bilingual, A4 landscape, rendered by WeasyPrint.

Everything a PDF shows comes in a ``CertificateDocument`` (plain strings and file names), built
from a certificate's snapshot or, for a template preview, from sample data; the layout is the
template ``certificates/certificate_pdf.html``.

The WeasyPrint set-up (the shipped Korean fonts, the fetcher that reads only static files, Wagtail
images and ``data:`` URLs, font subsetting) is ``common.pdf``, shared with the evidence packs of
``compliance``; ``CertificateURLFetcher`` is its ``SafeURLFetcher``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import segno
from django.conf import settings
from django.template.loader import render_to_string

# The WeasyPrint set-up is shared with every PDF (common.pdf); its names stay importable from here.
from common.pdf import (  # noqa: F401
    FONT_FILES,
    INTERNAL_ORIGIN,
    MEDIA_FOLDERS,
    RefusedURL,
    html_to_pdf,
    sha256_hex,
    subsetting_backend,
)
from common.pdf import SafeURLFetcher as CertificateURLFetcher  # noqa: F401

_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Signatory:
    name_ko: str
    name_en: str
    title_ko: str
    title_en: str
    signature: str = ""  # media file name


@dataclass(frozen=True)
class CertificateDocument:
    """Everything printed on one certificate, ready for the template."""

    code: str
    verify_url: str
    holder_name_ko: str
    holder_name_en: str
    course_title_ko: str
    course_title_en: str
    institute_name_ko: str
    institute_name_en: str
    study_hours: int
    completed_on: datetime.date
    issued_on: datetime.date
    expires_on: datetime.date | None
    title_ko: str
    title_en: str
    body_ko: str
    body_en: str
    primary_colour: str = "#1F3A68"
    accent_colour: str = "#B08D57"
    logo: str = ""  # media file names
    seal: str = ""
    signatories: tuple[Signatory, ...] = field(default_factory=tuple)
    sample: bool = False


def date_ko(day: datetime.date | None) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일" if day else ""


def date_en(day: datetime.date | None) -> str:
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}" if day else ""


def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG ``data:`` URI (vector, so it prints sharp at any size)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(border=2)


def media_url(name: str) -> str:
    return f"{settings.MEDIA_URL}{name}" if name else ""


def render_html(document: CertificateDocument) -> str:
    """The certificate as HTML; relative URLs resolve against ``INTERNAL_ORIGIN``."""
    context = {
        "doc": document,
        "qr": qr_data_uri(document.verify_url),
        "completed_ko": date_ko(document.completed_on),
        "completed_en": date_en(document.completed_on),
        "issued_ko": date_ko(document.issued_on),
        "issued_en": date_en(document.issued_on),
        "expires_ko": date_ko(document.expires_on),
        "expires_en": date_en(document.expires_on),
        "logo_url": media_url(document.logo),
        "seal_url": media_url(document.seal),
        "signatories": [
            {"person": signatory, "signature_url": media_url(signatory.signature)} for signatory in document.signatories
        ],
        "static_url": settings.STATIC_URL,
    }
    return render_to_string("certificates/certificate_pdf.html", context)


def render_pdf(document: CertificateDocument) -> bytes:
    return html_to_pdf(render_html(document))
