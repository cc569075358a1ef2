from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.validators import RegexValidator
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


MOBILE_PHONE = RegexValidator(
    r"^01[016789][0-9]{7,8}$", _("Enter a mobile phone number of 10 or 11 digits, e.g. 01012345678.")
)


class FundedPersonalDataForm(forms.Form):
    """The personal-data step of a funded enrolment (DOMAIN-KR §5.1): the notices, the 제3자 제공
    consent, the mobile phone and the 주민등록번호. The number is never rendered back into the page,
    not even after an error (``render_value=False``); the view hides it from error reports."""

    resident_number = forms.CharField(
        label=_("Resident registration number"),
        max_length=20,
        strip=True,
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "off", "inputmode": "numeric", "placeholder": "000000-0000000"}
        ),
        help_text=_("13 digits. Stored encrypted and sent only to HRD Korea; screens show the first 6 digits at most."),
    )
    mobile_phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("Digits only, e.g. 01012345678: HRD Korea's mOTP and text notices use it."),
    )
    acknowledge_notices = forms.BooleanField(
        label=_(
            "I have read the notices on my resident registration number, the entrusted identity checks and the device data"
        ),
        required=True,
        error_messages={"required": _("Confirm that you have read the notices.")},
    )
    agree_third_party = forms.BooleanField(
        label=_("I agree to the provision of my personal data to the Ministry of Employment and Labor and HRD Korea"),
        required=True,
        error_messages={"required": _("Without this consent you cannot take a funded course as a funded trainee.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        kwargs.setdefault("initial", {"mobile_phone": user.mobile_phone})
        super().__init__(*args, **kwargs)

    def clean_resident_number(self) -> str:
        from .resident import InvalidResidentNumber, normalise

        try:
            return normalise(self.cleaned_data["resident_number"], birth_date=self.user.birth_date)
        except InvalidResidentNumber as error:
            raise forms.ValidationError(str(error), code="resident_number") from None

    def clean_mobile_phone(self) -> str:
        digits = "".join(ch for ch in self.cleaned_data["mobile_phone"] if ch.isdigit())
        MOBILE_PHONE(digits)
        return digits


class WithdrawalForm(forms.Form):
    """회원 탈퇴: the password again (and, for an account with two-step login, a current code of its
    authenticator app), and a confirmation of what is kept and what is destroyed.

    Decisions (security review of issue 18):

    - **Throttled like a login.** The form checks a password outside allauth's login view, so its own
      failures are limited: ``ACCOUNT_RATE_LIMITS["withdraw_failed"]`` (5 per 15 minutes per user, in
      the shared cache through allauth's rate limiter, so every web node counts the same failures).
      Once used up, every attempt is refused (``rate_limited``; the view answers 429) without
      checking the password, until the window passes; a wrong password or code uses one.
    - **Two-step accounts need the second factor.** Closing an account destroys it for good, so a
      stolen password alone must not do it: with a TOTP authenticator (allauth MFA) a current code
      is asked and checked like at login (a used code is refused). Recovery codes are not taken
      here: they are for signing in when the app is lost, and the app can then be set up again.
    """

    RATE_LIMIT_ACTION = "withdraw_failed"

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("6-digit code"),
        required=False,
        max_length=12,
        help_text=_("Your account uses two-step login: enter the current code of your authenticator app."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is closed at once and cannot be restored"),
        required=True,
        error_messages={"required": _("Confirm that you want to close your account.")},
    )

    def __init__(self, *args, user, request, **kwargs):
        from allauth.mfa.models import Authenticator

        self.user = user
        self.request = request
        self.rate_limited = False
        super().__init__(*args, **kwargs)
        self.authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if self.authenticator is None:
            del self.fields["code"]

    def _failure_allowed(self, *, dry_run: bool) -> bool:
        from allauth.core import ratelimit

        return ratelimit.consume(self.request, action=self.RATE_LIMIT_ACTION, user=self.user, dry_run=dry_run)

    def clean(self):
        cleaned = super().clean()
        if not self._failure_allowed(dry_run=True):
            self.rate_limited = True
            self._errors.pop("password", None)
            self._errors.pop("code", None)
            raise forms.ValidationError(
                _("Too many wrong attempts. Try again in 15 minutes."),
                code="rate_limited",
            )
        password = cleaned.get("password") or ""
        wrong = False
        if not self.user.check_password(password):
            self.add_error("password", forms.ValidationError(_("The password is not correct."), code="password"))
            wrong = True
        # The code is checked (and used up: a code counts once) only with the right password and the
        # box ticked, so that a form sent back for another reason does not spend it.
        if self.authenticator is not None and not wrong and "confirm" not in self._errors:
            code = "".join((cleaned.get("code") or "").split())
            if not code:
                self.add_error("code", forms.ValidationError(_("Enter the current code of your authenticator app.")))
                wrong = True
            elif not self.authenticator.wrap().validate_code(code):
                self.add_error("code", forms.ValidationError(_("The code is not correct."), code="code"))
                wrong = True
            else:
                self.authenticator.record_usage()
        if wrong:
            self._failure_allowed(dry_run=False)  # one failure of the 5 per 15 minutes
        return cleaned
