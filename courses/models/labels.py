"""Sensitivity labels of documents and the uploader's attestation for restricted material (DOMAIN-KR
§3.3 F3.1; the rules are ``courses.labels``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Sensitivity


class RestrictedAttestation(models.Model):
    """ "This material is not designated 방위산업기술, 비밀 or 전략기술": who said so, when, for which
    page or document, under which version of the text (``courses.labels.ATTESTATION_VERSION``).
    Append-only; a new text version asks again. The audit trail has the same record
    (``courses.restricted_attestation``)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    text_version = models.PositiveIntegerField(_("text version"))
    text_hash = models.CharField(_("text hash"), max_length=64)
    reference = models.CharField(
        _("판정 reference"),
        max_length=200,
        blank=True,
        help_text=_("The number or date of a 방위산업기술 판정 or the security officer's review, if there was one."),
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("restricted-material attestation")
        indexes = [models.Index(fields=["content_type", "object_id", "text_version"])]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} v{self.text_version}"


class DocumentLabel(models.Model):
    """The sensitivity of a library document (Wagtail's own Document model is kept; this is its side
    table, edited on the document's upload and edit form). No row: public."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="label", verbose_name=_("document")
    )
    sensitivity = models.CharField(
        _("Sensitivity"), max_length=12, choices=Sensitivity.choices, default=Sensitivity.PUBLIC
    )

    class Meta:
        verbose_name = _("document label")

    def __str__(self):
        return f"{self.document_id}: {self.sensitivity}"
