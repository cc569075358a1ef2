"""Admin panels for organisations."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel


class MembersPanel(Panel):
    """The organisation's members and pending invitations, read-only.

    It adds no form field: the edit form cannot create, change or re-role a membership, so a
    forged form post cannot either. People join by accepting an invitation (the invite action);
    an administrator may remove a member, which withdraws access and grants nothing.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "accounts/admin/members_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import Membership, OrganisationInvitation

            context = super().get_context_data(parent_context)
            organisation = self.instance
            context["saved"] = organisation.pk is not None
            if organisation.pk is None:
                return context
            viewset = organisation.snippet_viewset
            context["members"] = [
                (membership, reverse(viewset.get_url_name("remove_member"), args=[organisation.pk, membership.pk]))
                for membership in Membership.objects.filter(organisation=organisation)
                .select_related("user")
                .order_by("-role", "user__name_ko", "pk")
            ]
            context["invitations"] = OrganisationInvitation.objects.pending().filter(organisation=organisation)
            context["invite_url"] = viewset.get_invite_url(organisation)
            return context
