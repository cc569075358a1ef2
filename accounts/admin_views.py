"""Organisations in the Wagtail admin: invite someone, remove a member.

Nobody is added to an organisation here: the invite view sends the invitation
(``services.organisation_invite``) and the membership starts when the person accepts it. Both
views open one organisation and ask the viewset's permission policy for "change" on it.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from . import services
from .forms import OrganisationInviteForm
from .models import Membership, Organisation


class OrganisationActionMixin(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin):
    model = Organisation
    permission_required = "change"
    edit_url_name = None
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_edit_url(self) -> str:
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.get_edit_url(), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.object, edit_url=self.get_edit_url(), **kwargs)


class OrganisationInviteView(OrganisationActionMixin, FormView):
    """Send an invitation (as HR staff or employee); no membership until it is accepted."""

    page_title = gettext_lazy("Invite a member")
    template_name = "accounts/admin/organisation_invite.html"
    form_class = OrganisationInviteForm

    def form_valid(self, form):
        try:
            services.organisation_invite(
                organisation=self.object,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                actor=self.request.user,
                base_url=settings.WAGTAILADMIN_BASE_URL,
            )
        except services.MembershipError as error:
            form.add_error("email", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("An invitation was sent to %(email)s. They become a member when they accept it.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect(self.get_edit_url())


class MembershipRemoveView(OrganisationActionMixin, TemplateView):
    """Confirm, then remove one member: it withdraws access and grants nothing."""

    page_title = gettext_lazy("Remove a member")
    template_name = "accounts/admin/membership_remove.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.membership = get_object_or_404(
            Membership.objects.select_related("user"), pk=kwargs["membership_id"], organisation=self.object
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.membership, **kwargs)

    def post(self, request, *args, **kwargs):
        services.membership_remove(membership=self.membership, actor=request.user)
        messages.success(
            request,
            _("%(person)s is no longer a member of %(organisation)s.")
            % {"person": self.membership.user.email, "organisation": self.object},
        )
        return redirect(self.get_edit_url())


class AgreementEndForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        help_text=gettext_lazy("e.g. the membership agreement was terminated on 2026-12-31"),
    )


class AgreementEndView(OrganisationActionMixin, FormView):
    """협약 종료 (F3.8): from now on no member opens restricted material, and the organisation's HR
    must file a deletion attestation (``services.organisation_agreement_end``)."""

    page_title = gettext_lazy("End the agreement")
    template_name = "accounts/admin/organisation_agreement_end.html"
    form_class = AgreementEndForm

    def form_valid(self, form):
        try:
            services.organisation_agreement_end(
                organisation=self.object, actor=self.request.user, reason=form.cleaned_data["reason"]
            )
        except services.ProtectionError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The agreement of %(organisation)s has ended; its HR staff are asked for a deletion attestation.")
            % {"organisation": self.object},
        )
        return redirect(self.get_edit_url())
