"""The trainee's own certificate files: the PDF, the QR code. Only the holder gets them (else 404)."""

from __future__ import annotations

import io

import segno
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .links import verification_url
from .models import Certificate
from .status import Status, certificate_status


def _own_certificate(request, public_id) -> Certificate:
    """The signed-in trainee's certificate; anyone else's is a 404, not a 403 (nothing to learn from it)."""
    return get_object_or_404(Certificate.objects.for_user(request.user), public_id=public_id)


@login_required
@require_GET
def certificate_pdf(request, public_id):
    """Download the PDF. Not while it is being issued, and not once revoked."""
    certificate = _own_certificate(request, public_id)
    if certificate_status(certificate) not in (Status.VALID, Status.EXPIRED) or not certificate.pdf:
        raise Http404
    try:
        handle = default_storage.open(certificate.pdf.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, content_type="application/pdf", as_attachment=True, filename=f"certificate-{certificate.code}.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def certificate_qr(request, public_id):
    """The QR code of the verification link, as SVG, to show or print."""
    certificate = _own_certificate(request, public_id)
    buffer = io.BytesIO()
    segno.make(verification_url(certificate.code), error="m").save(buffer, kind="svg", scale=4, border=2)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_GET
def certificate_badge(request, public_id):
    """The certificate as a signed Open Badges 3.0 credential (VC-JWT), signed now."""
    from . import badges

    certificate = get_object_or_404(
        Certificate.objects.for_user(request.user).select_related("enrolment__user", "enrolment__run__course"),
        public_id=public_id,
    )
    try:
        token = badges.credential_jwt(certificate)
    except badges.BadgeUnavailable:
        raise Http404 from None
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="open-badge-{certificate.code}.jwt"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def jwks(request):
    """The issuer's public key(s), for anyone verifying an Open Badge."""
    from . import badges

    response = JsonResponse(badges.jwks())
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def revocation_list(request):
    from . import badges

    response = JsonResponse(badges.revocation_list(), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response
