from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from .models import Membership, User, english_name_validator


class SignupForm(AllauthSignupForm):
    """Sign-up by e-mail with the names printed on certificates."""

    name_ko = forms.CharField(
        label=_("Korean name"),
        max_length=60,
        help_text=_("Printed on certificates, e.g. 홍길동"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    name_en = forms.CharField(
        label=_("English name"),
        max_length=100,
        validators=[english_name_validator],
        help_text=_("Printed on certificates, e.g. Gildong Hong"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    field_order = ["email", "name_ko", "name_en", "password1", "password2"]


class NameForm(forms.ModelForm):
    """The names on certificates, edited in the Wagtail admin's account page."""

    class Meta:
        model = User
        fields = ["name_ko", "name_en"]


class _AcademyUserFormMixin:
    # Wagtail's forms ask for first and last names; the Academy keeps Korean and English names.
    first_name = None
    last_name = None


class UserCreationForm(_AcademyUserFormMixin, WagtailUserCreationForm):
    class Meta(WagtailUserCreationForm.Meta):
        fields = {"email", "name_ko", "name_en", "is_superuser", "groups"}


class UserEditForm(_AcademyUserFormMixin, WagtailUserEditForm):
    class Meta(WagtailUserEditForm.Meta):
        fields = {"email", "name_ko", "name_en", "is_active", "is_superuser", "groups"}


class OrganisationInviteForm(forms.Form):
    """An administrator invites someone to an organisation, as HR staff or as an employee."""

    email = forms.EmailField(label=_("E-mail"), help_text=_("The invitation link is sent to this address."))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.HR,
        widget=forms.RadioSelect,
        help_text=_("HR staff see the training records of the organisation's members."),
    )
