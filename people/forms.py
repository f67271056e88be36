from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from fagrom.forms import FagromForm, FagromFormMixin

from .auth import login_wait_seconds
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


def duration_words(seconds: int) -> str:
    """30 → "30 sekunder", 120 → "2 minutter" (rounded up to whole minutes past one)."""
    if seconds < 60:
        return ngettext("%(n)d sekund", "%(n)d sekunder", seconds) % {"n": seconds}
    minutes = -(-seconds // 60)
    return ngettext("%(n)d minutt", "%(n)d minutter", minutes) % {"n": minutes}


class LoginForm(FagromFormMixin, AuthenticationForm):
    """Username and password, with a clear answer when login is throttled or turned off."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": pgettext_lazy(
            "form error",
            "Brukernavnet eller passordet er feil. Passordet skiller mellom store og små bokstaver.",
        ),
        "inactive": pgettext_lazy("form error", "Denne kontoen er deaktivert."),
        "throttled": pgettext_lazy(
            "form error",
            "For mange mislykkede innloggingsforsøk. Vent %(wait)s og prøv igjen. "
            "Har du logget inn fra denne nettleseren før, slipper du inn med riktig passord "
            "uten å vente. Glemt passordet? Kontakt brukerstøtte.",
        ),
        "local_login_disabled": pgettext_lazy(
            "form error",
            "Innlogging med brukernavn og passord er slått av. Logg inn med virksomhetens konto.",
        ),
    }

    throttled = False
    wait_seconds = 0

    def clean(self):
        if not settings.LOCAL_LOGIN_ENABLED:
            raise forms.ValidationError(
                self.error_messages["local_login_disabled"], code="local_login_disabled"
            )
        username = self.cleaned_data.get("username")
        wait = login_wait_seconds(self.request, username) if username else 0
        if wait:
            self.throttled = True
            self.wait_seconds = wait
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"wait": duration_words(wait)},
            )
        return super().clean()
