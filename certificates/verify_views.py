"""Public verification pages (진위확인), no account needed, rate-limited per client."""

from __future__ import annotations

import secrets

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from . import ratelimit, verification

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


@never_cache
@rate_limited
def verify_form(request):
    """수료증 진위확인: type a code (or scan the QR code, which opens the result page directly)."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        code = verification.canonical(form.cleaned_data["code"])
        return redirect("verify_result", code=code or form.cleaned_data["code"].strip()[:60] or "-")
    return render(request, "certificates/verify_form.html", {"form": form})


@never_cache
@rate_limited
def verify_result(request, code):
    answer = verification.verify_code(code)
    verification.log(channel="page", answers=[answer], client_hash=ratelimit.client_hash(request))
    return render(
        request,
        "certificates/verify_result.html",
        {"answer": answer, "form": CodeForm(initial={"code": answer.code})},
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
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = verification.check_pdf(form.cleaned_data["file"])
        except verification.PdfRefused as error:
            form.add_error("file", str(error))
        else:
            answers = (
                [result.verification] if result.verification else [verification.Verification(code="", found=False)]
            )
            verification.log(channel="pdf", answers=answers, client_hash=ratelimit.client_hash(request))
    return render(request, "certificates/verify_pdf.html", {"form": form, "result": result})


class BulkForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "One certificate code per row in the first column and, optionally, the name you expect in the second; up to 10,000 rows."
        ),
    )


@never_cache
@rate_limited
def verify_bulk(request):
    """일괄 진위확인: a CSV of codes (and the names HR expects), answered as a table and a CSV."""
    form = BulkForm(request.POST or None, request.FILES or None)
    rows, errors, token = [], [], ""
    if request.method == "POST" and form.is_valid():
        rows, errors = verification.parse_bulk_csv(form.cleaned_data["file"].read())
        if rows:
            rows = verification.verify_bulk(rows)
            verification.log(
                channel="bulk", answers=[r.verification for r in rows], client_hash=ratelimit.client_hash(request)
            )
            token = secrets.token_urlsafe(24)
            cache.set(f"academy:bulk-verify:{token}", verification.bulk_csv(rows), BULK_RESULT_SECONDS)
    summary = {
        "total": len(rows),
        "valid": sum(1 for r in rows if r.verification.found and r.verification.status == "valid"),
        "not_found": sum(1 for r in rows if not r.verification.found),
        "name_mismatch": sum(1 for r in rows if r.name_matches is False),
    }
    return render(
        request,
        "certificates/verify_bulk.html",
        {
            "form": form,
            "rows": rows[:1000],
            "more": max(0, len(rows) - 1000),
            "errors": errors,
            "token": token,
            "summary": summary,
        },
    )


@never_cache
def verify_bulk_download(request, token):
    content = cache.get(f"academy:bulk-verify:{token}")
    if content is None:
        raise Http404
    response = HttpResponse("\ufeff" + content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verification-results.csv"'
    return response


@never_cache
@rate_limited
def verify_badge(request, code):
    """The certificate as an Open Badge (VC-JWT), public like the verification page it is linked from."""
    from . import badges
    from .models import Certificate

    answer = verification.verify_code(code)
    if not answer.found or answer.certificate.state == Certificate.State.PENDING:
        raise Http404
    certificate = Certificate.objects.select_related("enrolment__user", "enrolment__run__course").get(
        pk=answer.certificate.pk
    )
    try:
        token = badges.credential_jwt(certificate)
    except badges.BadgeUnavailable:
        raise Http404 from None
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'inline; filename="{certificate.code}.jwt"'
    return response
