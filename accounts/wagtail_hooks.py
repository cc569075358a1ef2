from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from . import services
from .admin_views import AgreementEndView, MembershipRemoveView, OrganisationInviteView
from .models import Membership, Organisation


class OrganisationEditView(EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.user_has_permission_for_instance("change", self.object):
            buttons.append(
                Button(
                    _("Invite a member"),
                    url=self.object.snippet_viewset.get_invite_url(self.object),
                    icon_name="mail",
                    priority=5,
                )
            )
            if self.object.agreement_ended_at is None:
                buttons.append(
                    Button(
                        _("End the agreement"),
                        url=reverse(self.object.snippet_viewset.get_url_name("agreement_end"), args=[self.object.pk]),
                        icon_name="warning",
                        priority=20,
                    )
                )
        return buttons


class OrganisationViewSet(SnippetViewSet):
    """Organisations (employers). Members are listed read-only; people join by invitation only."""

    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Organisation")
    menu_order = 500
    add_to_admin_menu = True
    list_display = ["name_ko", "name_en", "business_number", "created_at"]
    search_fields = ["name_ko", "name_en", "business_number"]
    edit_view_class = OrganisationEditView

    def get_invite_url(self, organisation) -> str:
        return reverse(self.get_url_name("invite"), args=[organisation.pk])

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "invite/<int:pk>/",
                self.construct_view(OrganisationInviteView, edit_url_name=self.get_url_name("edit")),
                name="invite",
            ),
            path(
                "agreement-end/<int:pk>/",
                self.construct_view(AgreementEndView, edit_url_name=self.get_url_name("edit")),
                name="agreement_end",
            ),
            path(
                "members/<int:pk>/remove/<int:membership_id>/",
                self.construct_view(MembershipRemoveView, edit_url_name=self.get_url_name("edit")),
                name="remove_member",
            ),
        ]


register_snippet(OrganisationViewSet)


def _role_label(role: str) -> str:
    return str(dict(Membership.Role.choices).get(role, role))


@hooks.register("register_log_actions")
def register_organisation_log_actions(actions):
    @actions.register_action(services.INVITE_ACTION)
    class InviteFormatter(LogFormatter):
        label = gettext_lazy("Invite a member")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Invited %(email)s as %(role)s") % {
                "email": data.get("email", ""),
                "role": _role_label(data.get("role", "")),
            }

    @actions.register_action(services.REMOVE_ACTION)
    class RemoveFormatter(LogFormatter):
        label = gettext_lazy("Remove a member")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Removed %(email)s (%(role)s)") % {
                "email": data.get("email", ""),
                "role": _role_label(data.get("role", "")),
            }
