from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stores the Korean and English names printed on certificates."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name_ko = form.cleaned_data["name_ko"].strip()
        user.name_en = " ".join(form.cleaned_data["name_en"].split())
        if commit:
            user.save()
        return user
