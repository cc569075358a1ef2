from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import UserCreationForm, UserEditForm


class UserIndexView(WagtailUserIndexView):
    search_fields = ["email", "name_ko", "name_en"]

    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            return queryset.order_by(f"{'-' if self.ordering[0] == '-' else ''}name_ko", "email")
        return super().order_queryset(queryset)


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
