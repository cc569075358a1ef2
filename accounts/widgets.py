from django import forms
from django.contrib.auth import get_user_model


class UserEmailInput(forms.EmailInput):
    """Choose a user by typing their e-mail address.

    A select box of every user does not scale to the cluster's tens of thousands of trainees; an
    administrator knows the address of the person they add. The widget shows the chosen user's
    e-mail and turns a typed address back into the user's primary key, so the form's
    ``ModelChoiceField`` validates it as usual (an unknown address is an invalid choice).
    """

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, int) or str(value).isdigit():
            user = get_user_model()._default_manager.filter(pk=value).only("email").first()
            return user.email if user else None
        return str(value)

    def value_from_datadict(self, data, files, name):
        value = (data.get(name) or "").strip()
        if not value:
            return None
        user = get_user_model()._default_manager.filter(email__iexact=value).only("pk").first()
        return user.pk if user else value
