from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisation")
    menu_order = 500
    add_to_admin_menu = True
    list_display = ["name_ko", "name_en", "business_number", "created_at"]
    search_fields = ["name_ko", "name_en", "business_number"]


register_snippet(OrganisationViewSet)
