from wagtail.users.views.users import EditView as WagtailUserEditView
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from ops.privacy import Action, personal_data_access_record

from .forms import UserCreationForm, UserEditForm


class UserIndexView(WagtailUserIndexView):
    search_fields = ["email", "name_ko", "name_en"]

    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            return queryset.order_by(f"{'-' if self.ordering[0] == '-' else ''}name_ko", "email")
        return super().order_queryset(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # 접속기록 (DOMAIN-KR §5.3): the people on this page of the list.
        personal_data_access_record(
            actor=self.request.user,
            action=Action.VIEW,
            subjects=[user.pk for user in context["object_list"]],
            object_type="accounts.user_list",
        )
        return context


class UserEditView(WagtailUserEditView):
    """The user's page in the admin: opening it is a view of their personal data, saving it a change."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        personal_data_access_record(actor=request.user, action=Action.VIEW, subjects=[self.object], obj=self.object)
        return response

    def save_instance(self):
        instance = super().save_instance()
        personal_data_access_record(actor=self.request.user, action=Action.CHANGE, subjects=[instance], obj=instance)
        return instance


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
