"""The document form with its sensitivity label (``WAGTAILDOCS_DOCUMENT_FORM_BASE``; apart from
``courses.forms``, which the page models import before Wagtail's document forms can load)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm

from .forms import CoursePageForm


class LabelledDocumentForm(BaseDocumentForm):
    """Wagtail's document form (upload and edit) with the document's sensitivity label
    (``DocumentLabel``) and, for restricted documents, the uploader's attestation
    (``courses.labels``). Only PDFs and videos can be restricted: what cannot be stamped with the
    viewer's watermark (or overlaid, for a video) is not accepted as restricted material.
    Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``; Wagtail's Document model itself is kept."""

    sensitivity = forms.ChoiceField(label=gettext_lazy("Sensitivity"), required=False)
    restricted_attestation = forms.BooleanField(required=False)
    restricted_reference = CoursePageForm.base_fields["restricted_reference"]

    def __init__(self, *args, **kwargs):
        self.for_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        from .labels import ATTESTATION_TEXT, document_own_sensitivity
        from .models import Sensitivity

        self.fields["sensitivity"].choices = Sensitivity.choices
        self.fields["sensitivity"].help_text = _(
            "Restricted: only PDFs (stamped for each viewer) and videos. Designated 방위산업기술, 비밀 and 전략기술 "
            "must never be uploaded."
        )
        self.fields["restricted_attestation"].label = ATTESTATION_TEXT
        if "file" in self.fields:
            from django.conf import settings
            from django.template.defaultfilters import filesizeformat

            self.fields["file"].help_text = _(
                "Videos (MP4 with H.264/AAC, or WebM) up to %(video)s, with WebVTT captions (.vtt); other files "
                "up to %(other)s."
            ) % {
                "video": filesizeformat(settings.ACADEMY_VIDEO_MAX_UPLOAD_BYTES),
                "other": filesizeformat(settings.ACADEMY_DOCUMENT_MAX_UPLOAD_BYTES),
            }
            # The single upload form shows its progress too (static/js/upload_progress.js).
            self.fields["file"].widget.attrs["data-upload-progress"] = _("Upload progress")
        if self.instance.pk and not self.is_bound:
            self.initial["sensitivity"] = document_own_sensitivity(self.instance)

    def clean_file(self):
        """Each kind of file has its own size limit, and a video or caption file must be one by its
        content, not only by its name (``courses.video``)."""
        from .video import upload_refusal

        upload = self.cleaned_data.get("file")
        if upload is not None and "file" in self.changed_data:
            refusal = upload_refusal(upload)
            if refusal:
                raise forms.ValidationError(refusal, code="invalid_content")
        return upload

    def clean(self):
        from .labels import attestation_on_record, document_own_sensitivity, restricted_document_refusal
        from .models import Sensitivity
        from .permissions import institute_of_collection, user_is_institute_manager

        cleaned = super().clean()
        sensitivity = cleaned.get("sensitivity") or Sensitivity.PUBLIC
        cleaned["sensitivity"] = sensitivity
        self.attestation_required = False
        collection = cleaned.get("collection")
        collection_id = getattr(collection, "pk", None) or self.data.get("collection") or self.instance.collection_id
        # The form may have no collection field (one collection allowed): then the view puts the
        # document in the collection POSTed or the user's only one; a restricted document that ends up
        # outside every institute still opens for nobody (courses.restricted_documents: no course).
        owner = institute_of_collection(int(collection_id)) if str(collection_id or "").isdigit() else None
        known = collection_id is not None
        previous = document_own_sensitivity(self.instance) if self.instance.pk else Sensitivity.PUBLIC
        if sensitivity == Sensitivity.RESTRICTED and known and owner is None:
            # Outside every institute's collection no course can ask the conditions: refused, not public.
            self.add_error("sensitivity", _("Restricted documents belong in an institute's collection."))
        if previous == Sensitivity.RESTRICTED and sensitivity != Sensitivity.RESTRICTED:
            user = self.for_user
            manager = user is not None and (
                user.is_superuser or (owner is not None and user_is_institute_manager(user=user, institute=owner))
            )
            if not manager:
                self.add_error(
                    "sensitivity", _("Only the institute's manager may lower a restricted document's label.")
                )
        if sensitivity == Sensitivity.RESTRICTED:
            upload = cleaned.get("file")
            name = getattr(upload, "name", "") or (self.instance.file.name if self.instance.file else "")
            refusal = restricted_document_refusal(name)
            if refusal:
                self.add_error("sensitivity", refusal)
            self.attestation_required = attestation_on_record(self.instance) is None
            if self.attestation_required and not cleaned.get("restricted_attestation"):
                self.add_error(
                    "restricted_attestation",
                    _(
                        "Restricted material needs your attestation that it is not designated 방위산업기술, 비밀 or 전략기술."
                    ),
                )
        return cleaned

    def save(self, commit=True):
        if "sensitivity" in self.fields:
            attest_by = None
            if self.attestation_required and self.cleaned_data.get("restricted_attestation"):
                attest_by = self.for_user
            self.instance._pending_label = (
                self.cleaned_data.get("sensitivity"),
                attest_by,
                self.cleaned_data.get("restricted_reference") or "",
                self.for_user,
            )
        return super().save(commit=commit)
