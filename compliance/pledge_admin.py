"""기술보호 서약서 texts in the Wagtail admin: an institute's managers publish new versions.

A published text is never edited or deleted (signatures point to it, and the receipts print its
hash): the viewset has a list, a create view that publishes the next version through
``pledges.pledge_text_publish`` and an inspect view; its edit and delete views refuse everyone.
The institute policy (``ComplianceConfig.ready``) grants add and view to the institute's managers.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView

from courses.forms import InstituteModelForm
from courses.viewsets import InstituteModelViewSet

from . import pledges
from .models import PledgeText


class PledgeTextForm(InstituteModelForm):
    """A new version: the institute (one the user manages), the kind and the texts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "institute" in self.fields:
            self.fields["institute"].required = True


class PledgeTextCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        try:
            return pledges.pledge_text_publish(
                institute=data["institute"],
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                body_en=data.get("body_en", ""),
                actor=self.request.user,
            )
        except pledges.PledgeError as error:  # pragma: no cover - the form validated the same
            raise forms.ValidationError(str(error)) from error


class NeverEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied  # a published version is never changed: publish a new one


class NeverDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied  # signatures and receipts point to it


class PledgeTextViewSet(InstituteModelViewSet):
    model = PledgeText
    icon = "doc-full"
    menu_label = gettext_lazy("Pledge texts")
    menu_order = 215
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = PledgeTextCreateView
    edit_view_class = NeverEditView
    delete_view_class = NeverDeleteView
    list_display = ["title", "institute", "kind", "version", "published_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    inspect_view_fields = ["institute", "kind", "version", "title", "body", "body_en", "text_hash", "published_at"]
    edit_handler = ObjectList(
        [FieldPanel("institute"), FieldPanel("kind"), FieldPanel("title"), FieldPanel("body"), FieldPanel("body_en")],
        base_form_class=PledgeTextForm,
    )
