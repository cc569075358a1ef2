"""Public verification pages (진위확인), no account needed, rate-limited per client."""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from common.exports import csv_response
from common.uploads import UploadError

from . import presenters, ratelimit, verification

BULK_RESULT_SECONDS = 1800


def rate_limited(view):
    """429 with a clear page once a client passes ``ACADEMY_VERIFY_RATE_PER_MINUTE``."""

    def wrapper(request, *args, **kwargs):
        if not ratelimit.hit(
            scope="verify", key=ratelimit.client_hash(request), limit=settings.ACADEMY_VERIFY_RATE_PER_MINUTE
        ):
            response = render(request, "429.html", status=429)
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Certificate code"),
        max_length=60,
        help_text=gettext_lazy(
            "As printed on the certificate, e.g. ABCDE-FGHJK-MNPQR-STVW7. Case, spaces and hyphens do not matter."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "latin"}),
    )
    name = forms.CharField(
        label=gettext_lazy("Holder's name (optional)"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "The name is shown masked (e.g. 홍*동). Type the holder's Korean or English name to see it whole "
            "if it matches."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class NameForm(forms.Form):
    name = CodeForm.base_fields["name"]


@never_cache
@rate_limited
def verify_form(request):
    """수료증 진위확인: type a code (or scan the QR code, which opens the result page directly)."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        code = verification.canonical(form.cleaned_data["code"])
        if code is None:
            # Not a code (it may not even fit in a URL, "a/b"): the same answer as a code that
            # matches nothing, here rather than after a redirect.
            return _result(request, form.cleaned_data["code"])
        response = redirect("verify_result", code=code)
        if form.cleaned_data["name"].strip():
            response["Location"] += "?" + urlencode({"name": form.cleaned_data["name"].strip()})
        return response
    return render(request, "certificates/verify_form.html", {"form": form})


@never_cache
@rate_limited
def verify_result(request, code):
    return _result(request, code)


def _result(request, code: str):
    answer = verification.verify_code(code)
    verification.log(channel="page", answers=[answer], client_hash=ratelimit.client_hash(request))
    name_form = NameForm(request.GET if "name" in request.GET else None)
    typed_name = name_form.cleaned_data["name"] if name_form.is_valid() else ""
    return render(
        request,
        "certificates/verify_result.html",
        {
            "answer": answer,
            "result": (
                presenters.verification_result(answer, typed_name=typed_name, client=ratelimit.client_hash(request))
                if answer.found
                else None
            ),
            "name_form": name_form,
            "form": CodeForm(initial={"code": answer.code}),
        },
        status=200 if answer.found else 404,
    )


class PdfForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Certificate PDF"),
        help_text=gettext_lazy("At most 10 MB. The file is checked and not kept."),
    )


@never_cache
@rate_limited
def verify_pdf(request):
    """Is this PDF genuine? Its SHA-256 against every PDF the Academy issued."""
    form = PdfForm(request.POST or None, request.FILES or None)
    result, status = None, 200
    if request.method == "POST" and not form.is_valid():
        status = 400
    elif request.method == "POST":
        try:
            result = verification.check_pdf(form.cleaned_data["file"])
        except verification.PdfRefused as error:
            form.add_error("file", str(error))
            status = 400
        else:
            answers = (
                [result.verification] if result.verification else [verification.Verification(code="", found=False)]
            )
            verification.log(channel="pdf", answers=answers, client_hash=ratelimit.client_hash(request))
    holder_ko, holder_en = presenters.pdf_check_holder(result)
    return render(
        request,
        "certificates/verify_pdf.html",
        {"form": form, "result": result, "holder_ko": holder_ko, "holder_en": holder_en},
        status=status,
    )


class BulkForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "One certificate code per row in the first column and, optionally, the name you expect in the second; "
            "a header row is allowed. Up to 10,000 rows and 2 MB, saved from Excel as “CSV UTF-8” or “CSV”."
        ),
    )


@never_cache
@rate_limited
def verify_bulk(request):
    """일괄 진위확인: a CSV of codes (and the names HR expects), answered as a table and a CSV.

    Each code counts against the client's ``ACADEMY_VERIFY_BULK_CODES_PER_HOUR``; a file that cannot
    be read is a 400 with the reason at the file field, a file over the budget a 429. Rows that are
    not codes are reported by number and kept, with their reason, in the result CSV.
    """
    form = BulkForm(request.POST or None, request.FILES or None)
    rows, refused, token, status = [], [], "", 200
    if request.method == "POST" and form.is_valid():
        try:
            rows, refused = verification.parse_bulk_csv(form.cleaned_data["file"])
        except UploadError as error:
            form.add_error("file", str(error))
            status = 400
        if rows and not ratelimit.hit(
            scope="verify-bulk",
            key=ratelimit.client_hash(request),
            limit=settings.ACADEMY_VERIFY_BULK_CODES_PER_HOUR,
            window=3600,
            cost=len(rows),
        ):
            form.add_error(
                "file",
                _(
                    "This file has %(n)s codes, more than are left of the %(limit)s codes an hour that can be "
                    "checked here. Try again later with fewer rows, or use the API with your organisation's key."
                )
                % {"n": len(rows), "limit": settings.ACADEMY_VERIFY_BULK_CODES_PER_HOUR},
            )
            rows, refused, status = [], [], 429
        if rows:
            rows = verification.verify_bulk(rows, client=ratelimit.client_hash(request))
            verification.log(
                channel="bulk", answers=[r.verification for r in rows], client_hash=ratelimit.client_hash(request)
            )
        if rows or refused:
            token = secrets.token_urlsafe(24)
            cache.set(f"academy:bulk-verify:{token}", verification.bulk_csv(rows, refused), BULK_RESULT_SECONDS)
        if refused and not rows:
            status = 400  # not one row could be checked
    elif request.method == "POST":
        status = 400
    summary = {
        "total": len(rows),
        "valid": sum(1 for r in rows if r.verification.found and r.verification.status == "valid"),
        "not_found": sum(1 for r in rows if not r.verification.found),
        "revoked_or_expired": sum(
            1 for r in rows if r.verification.found and r.verification.status in ("revoked", "expired")
        ),
        "name_mismatch": sum(1 for r in rows if r.name_matches is False),
        "refused": len(refused),
    }
    return render(
        request,
        "certificates/verify_bulk.html",
        {
            "form": form,
            "rows": rows[:1000],
            "shown": presenters.bulk_result_rows(rows[:1000]),
            "more": max(0, len(rows) - 1000),
            "errors": [row.message for row in refused[:200]],
            "more_errors": max(0, len(refused) - 200),
            "token": token,
            "summary": summary,
        },
        status=status,
    )


@never_cache
def verify_bulk_download(request, token):
    content = cache.get(f"academy:bulk-verify:{token}")
    if content is None:
        raise Http404
    return csv_response(filename="verification-results", content=content)


def verify_bulk_sample(request):
    """A sample file to fill in: UTF-8 with a byte-order mark, so Excel opens it in Korean."""
    return csv_response(filename="verification-sample", content=verification.bulk_sample_csv())


@never_cache
@rate_limited
def verify_badge(request, code):
    """The certificate as an Open Badge (VC-JWT), public like the verification page it is linked from,
    and like that page it masks the holder's name (the holder downloads the whole one from /learn/)."""
    from . import badges
    from .models import Certificate

    answer = verification.verify_code(code)
    if not answer.found or answer.certificate.state == Certificate.State.PENDING:
        raise Http404
    certificate = Certificate.objects.select_related("enrolment__user", "enrolment__run__course").get(
        pk=answer.certificate.pk
    )
    try:
        token = badges.credential_jwt(certificate, masked=True)
    except badges.BadgeUnavailable:
        raise Http404 from None
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'inline; filename="{certificate.code}.jwt"'
    return response
