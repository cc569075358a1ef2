from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"


class AcademyUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the Academy's user forms (Korean and English names, no username)."""

    user_viewset = "accounts.viewsets.UserViewSet"
