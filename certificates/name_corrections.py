"""Name corrections in the admin: a manager of an institute that issued the trainee a certificate
approves or rejects the request; approval changes the account's names and reissues the
certificates under the same codes (``services.certificate_reissue``).

The request itself lives in ``accounts`` (it is about the person's names); the rule of who decides
it needs certificates, so its permission policy, its service and its admin screens live here.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.models import NameCorrectionRequest, User
from accounts.services import NameCorrectionError, name_correction_apply
from courses.permissions import policy_for
from courses.viewsets import InstituteViewSetMixin
from ops.audit import audit_record

from .models import Certificate

#: What a manager may do with a request: see it and decide it. Nobody adds or deletes one here.
DECIDE_ACTIONS = frozenset({"view", "change"})


class NameCorrectionPolicy(BasePermissionPolicy):
    """A request is seen and decided by the managers of the institutes that issued the requester a
    certificate (and by administrators); another institute's manager sees nothing of it."""

    def _is_admin(self, user) -> bool:
        return bool(user is not None and user.is_authenticated and user.is_active and user.is_superuser)

    def _managed_certificates(self, user):
        # ``change`` on a certificate is a manager's action of its institute (certificates/apps.py).
        return policy_for(Certificate).instances_user_has_any_permission_for(user, ["change"])

    def user_has_permission(self, user, action):
        if self._is_admin(user):
            return True
        if action not in DECIDE_ACTIONS or user is None or not user.is_authenticated or not user.is_active:
            return False
        return policy_for(Certificate).user_has_permission(user, "change")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = NameCorrectionRequest._default_manager
        if self._is_admin(user):
            return manager.all()
        if not (set(actions) & DECIDE_ACTIONS) or user is None or not user.is_authenticated or not user.is_active:
            return manager.none()
        return manager.filter(user_id__in=self._managed_certificates(user).values("enrolment__user_id"))

    def user_has_permission_for_instance(self, user, action, instance):
        if self._is_admin(user):
            return True
        if action not in DECIDE_ACTIONS:
            return False
        return self.instances_user_has_any_permission_for(user, [action]).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_superuser=True, is_active=True)


name_correction_policy = NameCorrectionPolicy(NameCorrectionRequest)
register_permission_policy(NameCorrectionRequest, name_correction_policy)


def name_correction_decide(
    *, correction: NameCorrectionRequest, actor: User, approve: bool, note: str = ""
) -> list[Certificate]:
    """Approve or reject a pending request. On approval the account's names change and every
    certificate of the trainee the actor manages is reissued under its code, with the new names.
    Returns the certificates reissued."""
    from . import services

    with transaction.atomic():
        locked = NameCorrectionRequest.objects.select_for_update().get(pk=correction.pk)
        if not name_correction_policy.user_has_permission_for_instance(actor, "change", locked):
            raise NameCorrectionError(
                _("Only a manager of an institute that issued this trainee a certificate may decide this request.")
            )
        if not approve and not note.strip():
            raise NameCorrectionError(_("Give the trainee the reason for the rejection."))
        name_correction_apply(correction=locked, actor=actor, approve=approve, note=note)
        audit_record(
            action="certificates.name_correction_decided",
            actor=actor,
            subject_user=locked.user_id,
            obj=locked,
            reason=note.strip(),
            data={"approved": approve},  # the names stay on the request, not in the trail
        )
        reissued = []
        if approve:
            certificates = (
                name_correction_policy._managed_certificates(actor)
                .filter(enrolment__user_id=locked.user_id, state=Certificate.State.ISSUED)
                .order_by("pk")
            )
            for certificate in certificates:
                reason = _("Name correction: %(old)s → %(new)s") % {
                    "old": locked.old_name_ko,
                    "new": locked.new_name_ko,
                }
                reissued.append(services.certificate_reissue(certificate=certificate, actor=actor, reason=reason))
    return reissued


# --------------------------------------------------------------------------------------------
# Admin screens
# --------------------------------------------------------------------------------------------


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("approve", gettext_lazy("Approve and reissue the certificates")), ("reject", gettext_lazy("Reject"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = NameCorrectionRequest
        fields = ["decision", "decision_note"]


class DecideView(EditView):
    """The request read-only above, the decision below; saving decides it through the service."""

    template_name = "accounts/admin/name_correction_decide.html"

    def get_context_data(self, **kwargs):
        from .selectors import staff_certificates

        context = super().get_context_data(**kwargs)
        context["correction"] = self.object
        context["certificates"] = staff_certificates(self.request.user).filter(enrolment__user_id=self.object.user_id)
        context["decided"] = self.object.status != NameCorrectionRequest.Status.PENDING
        return context

    def form_valid(self, form):
        from .services import CertificateError  # a certificate the service refuses (e.g. still being issued)

        try:
            reissued = name_correction_decide(
                correction=self.object,
                actor=self.request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data.get("decision_note") or "",
            )
        except (NameCorrectionError, CertificateError) as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        if form.cleaned_data["decision"] == "approve":
            messages.success(
                self.request,
                _("Approved. %(count)d certificate(s) are being issued again with the new names.")
                % {"count": len(reissued)},
            )
        else:
            messages.success(self.request, _("Rejected. The trainee sees your reason on their profile page."))
        return redirect(self.index_url_name)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class NameCorrectionViewSet(InstituteViewSetMixin, ModelViewSet):
    model = NameCorrectionRequest
    permission_policy = name_correction_policy
    icon = "user"
    menu_label = gettext_lazy("Name corrections")
    menu_order = 214
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = DecideView
    list_filter = ["status"]
    list_display = [
        Column("old_name_ko", label=gettext_lazy("Current Korean name")),
        Column("new_name_ko", label=gettext_lazy("Corrected Korean name")),
        Column("new_name_en", label=gettext_lazy("Corrected English name")),
        StatusColumn("status", label=gettext_lazy("Status")),
        DateColumn("created_at", label=gettext_lazy("Requested")),
    ]
    edit_handler = ObjectList([FieldPanel("decision"), FieldPanel("decision_note")])

    def get_form_class(self, for_update=False):
        return DecisionForm
