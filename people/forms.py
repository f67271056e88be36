from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from fagrom.forms import FagromForm, FagromFormMixin

from .auth import login_wait_seconds
from .models import OrgUnit


class ProfileForm(FagromForm):
    """What a person sets themselves: title and language. Name and workplace are not fields here.

    They come from the directory or an administrator (``services.identity_change``);
    a wrong one is corrected through ``IdentityCorrectionForm``.
    """

    title = forms.CharField(label=_("Stillingstittel"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Språk"),
        choices=[("nb", "Norsk bokmål"), ("en", "English")],
        error_messages={
            "invalid_choice": pgettext_lazy("form error", "Velg norsk bokmål eller engelsk.")
        },
    )

    # Fields someone might post to rename or move themselves (old form, API habits, guesses).
    IDENTITY_FIELDS = (
        "full_name",
        "org_unit",
        "org_unit_id",
        "unit",
        "workplace",
        "first_name",
        "last_name",
        "directory_managed",
        "groups",
        "is_staff",
        "is_superuser",
        "username",
    )


def _unit_choice_label(unit):
    return "\u2003" * (unit.depth - 1) + unit.name


class IdentityCorrectionForm(FagromForm):
    """Ask administrators to correct one's name or workplace (nothing changes until approved)."""

    full_name = forms.CharField(
        label=_("Riktig fullt navn"),
        max_length=200,
        required=False,
        help_text=_("La stå tomt hvis navnet er riktig."),
    )
    org_unit = forms.ModelChoiceField(
        label=_("Riktig arbeidssted"),
        queryset=OrgUnit.objects.order_by("path"),
        required=False,
        help_text=_("La stå tomt hvis arbeidsstedet er riktig."),
        error_messages={
            "invalid_choice": pgettext_lazy("form error", "Velg et arbeidssted fra listen."),
        },
    )
    message = forms.CharField(
        label=_("Forklaring til administratorene"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": pgettext_lazy("form error", "Skriv kort hva som er feil og hvorfor."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].label_from_instance = _unit_choice_label

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if name and len(name.split(" ")) < 2:
            raise forms.ValidationError(
                pgettext_lazy("form error", "Skriv både fornavn og etternavn."), code="incomplete"
            )
        return name

    def clean(self):
        data = super().clean()
        if not data.get("full_name") and not data.get("org_unit") and not self.errors:
            raise forms.ValidationError(
                pgettext_lazy("form error", "Skriv riktig navn eller velg riktig arbeidssted."),
                code="empty",
            )
        return data


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
