from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module has more than one AppConfig; this one is the app's
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks


class AcademyUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the Academy's user forms (Korean and English names, no username)."""

    user_viewset = "accounts.viewsets.UserViewSet"
