"""Admin viewsets whose every view asks the model's institute policy (``courses.permissions``).

Wagtail's generic views check the *model-level* permission and, in a few places, the policy per
instance (copy, bulk actions). To make every view ask the per-instance question, the viewsets
here wrap each view they construct:

- listing views (index and its results) show only the rows the policy lets the user see;
- any view of one object (edit, delete, copy, history, usage, inspect, revisions, …) is a 404 for
  an object outside the user's institutes and a 403 for an action their role does not grant;
- chooser views (choose, results, ``chosen/``, ``chosen-multiple/``) offer and return only the
  objects the user may choose;
- bulk actions ask the same policies (Wagtail's snippet delete action asks the registered policy
  per object; ``courses.admin_guard`` refuses a selection with anything the user may not see and
  narrows "select all" to what they may see).

A view added by a later Wagtail release is wrapped too, as long as it is built through
``construct_view`` (every Wagtail viewset view is); the permission matrix test enumerates the
URL patterns each viewset registers, so one that is not would show up there.

Staff screens that are not a listing of one model (a run's enrolments and attendance, the
gradebook, item analysis, practical grading, question import, certificates) are an
:class:`InstituteStaffViewSet`: its views are :class:`StaffView` subclasses, which ask the policy
of the viewset's model (``PermissionCheckedMixin``) before anything else, and its menu item is
shown to whoever that policy lets in. Each view then reads its objects through the same policy
(``instances_user_has_permission_for``), so another institute's object is a 404.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.views.generic import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from common.exports import table_response
from ops.privacy import Action, ExportReasonForm, personal_data_access_record

from .permissions import ALL_ACTIONS, permitted_instances, policy_for

#: What it takes to see an object at all in the admin (else: 404).
SEE_ACTIONS = ("view", "change", "delete")


def check_object(user, obj, actions) -> None:
    """404 when the user may not see ``obj`` at all; 403 when they may see it but not do ``actions``."""
    policy = policy_for(type(obj))
    if not policy.user_has_any_permission_for_instance(user, list(ALL_ACTIONS), obj):
        raise Http404
    if not policy.user_has_any_permission_for_instance(user, list(actions), obj):
        raise PermissionDenied


def _view_actions(view) -> list[str]:
    required = getattr(view, "permission_required", None)
    if isinstance(required, str):
        return [required]
    return list(getattr(view, "any_permission_required", None) or SEE_ACTIONS)


class InstituteIndexMixin:
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return queryset.filter(pk__in=permitted_instances(self.request.user, self.model, SEE_ACTIONS).values("pk"))


class InstituteObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and obj.pk is not None:  # a create view's new object: its form checks the owner
            check_object(self.request.user, obj, _view_actions(self))
        return obj


class InstituteChooserMixin:
    def _choosable(self):
        return permitted_instances(self.request.user, self.model_class, ["choose"])

    def get_object_list(self):
        return self._choosable()

    def get_object(self, pk):
        return self._choosable().get(pk=pk)

    def get_objects(self, pks):
        return self._choosable().filter(pk__in=pks)


def _wrap(view_class):
    mixins = []
    if issubclass(view_class, IndexView):
        mixins.append(InstituteIndexMixin)
    elif hasattr(view_class, "get_object"):
        mixins.append(InstituteObjectMixin)
    if not mixins:
        return view_class
    return type(f"Institute{view_class.__name__}", (*mixins, view_class), {})


class InstituteViewSetMixin:
    """Wraps every view of a model viewset with the institute checks."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_wrap(view_class), **kwargs)


class InstituteChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        wrapped = type(f"Institute{view_class.__name__}", (InstituteChooserMixin, view_class), {})
        return super().construct_view(wrapped, **kwargs)


class InstituteSnippetViewSet(InstituteViewSetMixin, SnippetViewSet):
    """A snippet viewset for an institute-owned model (its policy is registered at start-up)."""

    chooser_viewset_class = InstituteChooserViewSet


class InstituteModelViewSet(InstituteViewSetMixin, ModelViewSet):
    """A model viewset for an institute-owned model (its policy is registered at start-up)."""


# --------------------------------------------------------------------------------------------
# Staff screens: InstituteStaffViewSet, its views (StaffView, or an IndexView for a listing)
# --------------------------------------------------------------------------------------------


class PolicyMenuItem(MenuItem):
    """A menu item shown to the users a permission policy grants ``permission_required`` to."""

    def __init__(self, *args, permission_policy, permission_required: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission_policy = permission_policy
        self.permission_required = permission_required

    def is_shown(self, request):
        return self.permission_policy.user_has_permission(request.user, self.permission_required)


class TemplateColumn(Column):
    """A listing column whose cell is drawn by a template (``instance`` is the row)."""

    def __init__(self, name, *, template: str, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template


class TableExportMixin:
    """Wagtail's ``list_export`` on an ``IndexView`` (the columns named on the view, the CSV and
    XLSX buttons in its header, ``?export=csv`` or ``xlsx`` on the listing's URL, the listing's
    search and filters applied), with the file written by ``common.exports`` like every other
    table the Academy hands out: CSV in UTF-8 with a byte-order mark (Excel on a Korean Windows
    reads Hangul only so), spreadsheet formulas neutralised in both formats (Wagtail's CSV keeps
    them), times in Seoul rather than UTC, labels in the reader's language."""

    @staticmethod
    def export_cell(value):
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
        if isinstance(value, Promise):
            return str(value)
        return "" if value is None else value

    #: The files hold other people's data (DOMAIN-KR §5.3): ``?export=`` first shows a form asking
    #: for the reason; its POST (same URL) writes the file and the personal data access log.
    reason_form = None

    def export_subject_ids(self, items) -> list[int]:
        """The user ids whose data ``items`` (the exported rows) hold."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if self.is_export:
            self.is_export = False
            self.reason_form = ExportReasonForm()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.reason_form = ExportReasonForm(request.POST)
        if self.is_export and self.reason_form.is_valid():
            return super().get(request, *args, **kwargs)
        self.is_export = False
        response = super().get(request, *args, **kwargs)
        response.status_code = 400
        return response

    def get_template_names(self):
        if self.reason_form is not None and not self.is_export:
            return ["ops/admin_export_reason.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.reason_form is not None:
            context.update(form=self.reason_form, formats=(self.request.GET.get("export"),), what="")
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        items = list(queryset)
        personal_data_access_record(
            actor=self.request.user,
            action=Action.EXPORT,
            subjects=self.export_subject_ids(items),
            object_type=f"{self.model._meta.label_lower}_list",
            reason=self.reason_form.cleaned_data["reason"],
        )
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = ([self.export_cell(value) for value in self.to_row_dict(item).values()] for item in items)
        return table_response(filename=self.get_filename(), header=header, rows=rows, file_format=spreadsheet_format)


class StaffView(PermissionCheckedMixin, WagtailAdminTemplateMixin, View):
    """A staff screen: the viewset's policy must grant ``permission_required`` (else 403)."""

    permission_policy = None  # given by the viewset
    permission_required = "change"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied  # before any object named in the URL is read
        self.setup_objects(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def setup_objects(self, **kwargs) -> None:
        """Read the objects named in the URL (through the policy: another institute's is a 404)."""

    def get_breadcrumbs_items(self):
        # Wagtail's base list holds only "Home", which the slim header would show as the title.
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def render(self, **context):
        return self.render_to_response(self.get_context_data(**context))

    def reason_form_response(self, form, *, formats=("csv", "xlsx"), what: str = "", status: int = 200):
        """The form asking why a file of other people's data is needed (DOMAIN-KR §5.3), posted
        back to this URL with the chosen ``format``; shown on a GET and, with errors, on a POST
        without a reason (400)."""
        self.template_name = "ops/admin_export_reason.html"
        return self.render_to_response(self.get_context_data(form=form, formats=formats, what=what), status=status)


class InstituteStaffViewSet(ViewSet):
    """Staff screens over an institute-owned ``model``: who opens them is its policy's answer.

    Subclasses list their views in :meth:`get_urlpatterns` (built with :meth:`construct_view`);
    the first is the menu item's target.
    """

    model = None
    #: What the policy must grant (on some institute) to open the screens and see the menu item.
    permission_required = "change"
    add_to_admin_menu = True

    @cached_property
    def permission_policy(self):
        return policy_for(self.model)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            permission_policy=self.permission_policy, permission_required=self.permission_required, **kwargs
        )

    def get_menu_item(self, order=None):
        return PolicyMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission_policy=self.permission_policy,
            permission_required=self.permission_required,
        )
