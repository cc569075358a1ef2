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

    agree_terms = forms.BooleanField(
        label=_("I agree to the terms of use"),
        required=True,
        error_messages={"required": _("To sign up, agree to the terms of use.")},
    )
    agree_privacy = forms.BooleanField(
        label=_("I agree to the collection and use of my personal data"),
        required=True,
        error_messages={"required": _("To sign up, agree to the collection and use of your personal data.")},
    )
    agree_marketing = forms.BooleanField(
        label=_("I would like to receive news of courses by e-mail"),
        required=False,
        help_text=_(
            "News of new courses and runs by e-mail. You can sign up without it and change your mind at any "
            "time on your profile page."
        ),
    )

    field_order = [
        "email",
        "name_ko",
        "name_en",
        "password1",
        "password2",
        "agree_terms",
        "agree_privacy",
        "agree_marketing",
    ]

    def consents(self) -> dict[str, bool]:
        """The answers to the consent questions, by ``Consent.Kind``."""
        return {
            "terms": bool(self.cleaned_data.get("agree_terms")),
            "privacy": bool(self.cleaned_data.get("agree_privacy")),
            "marketing": bool(self.cleaned_data.get("agree_marketing")),
        }


class NameCorrectionForm(forms.Form):
    """A trainee asks for the names on their certificates to be corrected."""

    new_name_ko = forms.CharField(label=_("Corrected Korean name"), max_length=60)
    new_name_en = forms.CharField(
        label=_("Corrected English name"),
        max_length=100,
        validators=[english_name_validator],
        help_text=_("As in your passport, e.g. Gildong Hong"),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("e.g. a typing error at sign-up, or a legal change of name"),
    )

    def clean(self):
        data = super().clean()
        ko = " ".join((data.get("new_name_ko") or "").split())
        en = " ".join((data.get("new_name_en") or "").split())
        data["new_name_ko"], data["new_name_en"] = ko, en
        return data


class MarketingConsentForm(forms.Form):
    """Give or withdraw consent to marketing e-mail, effective at once."""

    agree_marketing = forms.BooleanField(label=_("I would like to receive news of courses by e-mail"), required=False)


class NameForm(forms.ModelForm):
    """The names on certificates, edited in the Wagtail admin's account page."""

    class Meta:
        model = User
        fields = ["name_ko", "name_en"]


class BirthDateForm(forms.ModelForm):
    """The trainee's date of birth, on their profile page (funded courses report it on HRD-Net)."""

    class Meta:
        model = User
        fields = ["birth_date"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_date"].required = True


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
