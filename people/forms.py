from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fagrom.forms import FagromForm

from .models import OrgUnit


class ProfileForm(FagromForm):
    full_name = forms.CharField(
        label=_("Fullt navn"),
        max_length=200,
        help_text=_("Fornavn og etternavn slik kollegene kjenner deg. Fagrom bruker ekte navn."),
        error_messages={
            "required": pgettext_lazy(
                "form error", "Skriv fullt navn, for eksempel «Kari Nordmann»."
            )
        },
    )
    org_unit = forms.ModelChoiceField(
        label=_("Arbeidssted"),
        queryset=OrgUnit.objects.order_by("path"),
        error_messages={
            "required": pgettext_lazy("form error", "Velg arbeidsstedet ditt."),
            "invalid_choice": pgettext_lazy("form error", "Velg et arbeidssted fra listen."),
        },
    )
    title = forms.CharField(label=_("Stillingstittel"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Språk"),
        choices=[("nb", "Norsk bokmål"), ("en", "English")],
        error_messages={
            "invalid_choice": pgettext_lazy("form error", "Velg norsk bokmål eller engelsk.")
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].label_from_instance = lambda unit: (
            "\u2003" * (unit.depth - 1) + unit.name
        )
        if user.directory_managed:
            for name in ("full_name", "org_unit"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Kommer fra virksomhetens katalog og kan ikke endres her."
                )

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name.split(" ")) < 2:
            raise forms.ValidationError(
                pgettext_lazy("form error", "Skriv både fornavn og etternavn."), code="incomplete"
            )
        return name


class ApiTokenForm(FagromForm):
    name = forms.CharField(
        label=_("Navn på nøkkelen"),
        max_length=100,
        help_text=_("Hva nøkkelen brukes til, for eksempel «Rapportskript»."),
        error_messages={
            "required": pgettext_lazy(
                "form error", "Gi nøkkelen et navn, så du kjenner den igjen."
            ),
            "max_length": pgettext_lazy("form error", "Navnet kan være høyst 100 tegn."),
        },
    )
