"""Forms for moderation, guidance, listening, ideas and nettprat (issue 4)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fagrom.forms import FagromForm
from people.models import OrgUnit

from .forms import PostBodyField
from .models import Clarification, Flag, IdeaStatus, ListeningSettings, Thread, Topic


def _reason_field(label, help_text="", required=True):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": pgettext_lazy("form error", "Skriv en begrunnelse."),
            "max_length": pgettext_lazy(
                "form error", "Begrunnelsen er for lang: høyst %(limit_value)d tegn."
            ),
        },
    )


class ModeratorForm(FagromForm):
    """A form shown alone on the moderation form page (``forum/moderation_form.html``):
    its heading, button and explanation, and what the moderator is told when it is done."""

    page_title = ""
    submit_label = ""
    intro = ""
    done = ""


class HideForm(ModeratorForm):
    page_title = _("Fjern innlegg")
    submit_label = _("Fjern innlegget")
    intro = _(
        "Innlegget slettes ikke. Leserne ser «Fjernet av moderator» og begrunnelsen; "
        "moderatorene ser fortsatt teksten og historikken. Forfatteren varsles."
    )
    done = _("Innlegget er fjernet. Teksten er tatt vare på og kan gjenopprettes.")

    reason = _reason_field(
        _("Begrunnelse"),
        _("Vises for alle i stedet for innlegget, og på siden over fjernede innlegg."),
    )


class RestoreForm(ModeratorForm):
    page_title = _("Gjenopprett innlegg")
    submit_label = _("Gjenopprett")
    done = _("Innlegget er gjenopprettet.")

    reason = _reason_field(_("Begrunnelse (valgfri)"), required=False)


class ClarificationForm(ModeratorForm):
    page_title = _("Ny presisering")
    submit_label = _("Publiser presisering")
    intro = _(
        "En presisering er temaets offisielle avklaring. Den vises øverst i tråden og på "
        "temaets side for presiseringer."
    )
    done = _("Presiseringen er publisert og festet øverst i tråden.")

    title = forms.CharField(
        label=_("Overskrift"),
        max_length=200,
        error_messages={
            "required": pgettext_lazy("form error", "Presiseringen må ha en overskrift.")
        },
    )
    body = PostBodyField()
    valid_from = forms.DateField(
        label=_("Gjelder fra"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": pgettext_lazy("form error", "Oppgi datoen presiseringen gjelder fra."),
            "invalid": pgettext_lazy("form error", "Skriv datoen som åååå-mm-dd."),
        },
    )
    replaces = forms.ModelChoiceField(
        label=_("Erstatter tidligere presisering"),
        queryset=Clarification.objects.none(),
        required=False,
        empty_label=_("– Ingen –"),
        error_messages={
            "invalid_choice": pgettext_lazy("form error", "Velg en gjeldende presisering i temaet.")
        },
    )

    def __init__(self, *args, topic: Topic, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("valid_from", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["replaces"].queryset = Clarification.objects.current().filter(
            thread__topic=topic
        )


class NoteForm(ModeratorForm):
    page_title = _("Moderatornotat")
    submit_label = _("Lagre notat")
    done = _("Notatet er lagret. Bare moderatorene ser det.")

    body = forms.CharField(
        label=_("Moderatornotat"),
        help_text=_("Bare temaets moderatorer ser notatet."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": pgettext_lazy("form error", "Skriv noe i notatet.")},
    )


class MoveForm(FagromForm):
    to_topic = forms.ModelChoiceField(
        label=_("Flytt til tema"),
        queryset=Topic.objects.none(),
        error_messages={
            "required": pgettext_lazy("form error", "Velg temaet tråden skal flyttes til."),
            "invalid_choice": pgettext_lazy(
                "form error", "Du kan bare flytte til temaer du modererer."
            ),
        },
    )
    reason = _reason_field(_("Begrunnelse (valgfri)"), required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_topic"].queryset = topics.select_related("room").order_by("room", "name")
        self.fields["to_topic"].label_from_instance = lambda t: f"{t.room.name} › {t.name}"


class RenameForm(FagromForm):
    title = forms.CharField(
        label=_("Ny tittel"),
        max_length=settings.THREAD_TITLE_MAX_LENGTH,
        error_messages={"required": pgettext_lazy("form error", "Tråden må ha en tittel.")},
    )


class QuestionStatusForm(FagromForm):
    status = forms.ChoiceField(label=_("Status"), choices=Thread.Status.choices)
    reason = _reason_field(_("Begrunnelse (valgfri)"), required=False)


class FlagForm(ModeratorForm):
    page_title = _("Rapporter innlegg")
    submit_label = _("Send rapport")
    done = _("Takk. Moderatorene i temaet ser på rapporten.")

    reason = _reason_field(
        _("Hvorfor rapporterer du innlegget?"),
        _(
            "Moderatorene i temaet ser rapporten. Den som skrev innlegget, ser ikke hvem som rapporterte."
        ),
    )


class FlagHandleForm(ModeratorForm):
    page_title = _("Behandle rapport")
    submit_label = _("Lagre avgjørelse")
    done = _("Rapporten er behandlet.")

    decision = forms.ChoiceField(
        label=_("Avgjørelse"),
        choices=[
            (Flag.State.UPHELD, _("Ta til følge og fjern innlegget")),
            (Flag.State.DISMISSED, _("Avvis rapporten")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": pgettext_lazy("form error", "Velg en avgjørelse.")},
    )
    resolution = _reason_field(
        _("Begrunnelse"), _("Ved fjerning vises begrunnelsen for alle i stedet for innlegget.")
    )


class EscalationForm(ModeratorForm):
    page_title = _("Løft saken")
    submit_label = _("Løft saken")
    intro = _("Mottakeren ser tråden og notatet ditt, og svaret kommer tilbake i tråden.")
    done = _("Saken er løftet. Du ser status på siden for løftede saker.")

    to_unit = forms.ModelChoiceField(
        label=_("Til enhet"), queryset=OrgUnit.objects.order_by("path"), required=False
    )
    to_person = forms.CharField(
        label=_("Til person (brukernavn)"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"data-mention-lookup": "1", "autocomplete": "off"}),
    )
    note = _reason_field(_("Hva skal avklares?"))

    def clean_to_person(self):
        username = self.cleaned_data["to_person"].strip().lstrip("@")
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                pgettext_lazy("form error", "Fant ingen person med brukernavnet «%(u)s»."),
                params={"u": username},
            )
        return user

    def clean(self):
        data = super().clean()
        if not data.get("to_unit") and not data.get("to_person"):
            raise forms.ValidationError(
                pgettext_lazy("form error", "Velg en enhet eller en person saken skal løftes til.")
            )
        return data


class EscalationAnswerForm(FagromForm):
    body = PostBodyField(label=_("Svar (publiseres i tråden)"))


class ListeningSettingsForm(FagromForm):
    email = forms.ChoiceField(
        label=_("E-postvarsler"),
        choices=ListeningSettings.Email.choices,
        widget=forms.RadioSelect,
    )


class IdeaStatusForm(FagromForm):
    status = forms.ChoiceField(label=_("Status"), choices=IdeaStatus.choices)
    reason = _reason_field(
        _("Begrunnelse"), _("Må fylles ut når forslaget avslås."), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == IdeaStatus.REJECTED and not data.get("reason", "").strip():
            self.add_error("reason", pgettext_lazy("form error", "Skriv hvorfor forslaget avslås."))
        return data


class LiveChatForm(FagromForm):
    title = forms.CharField(label=_("Tittel"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    topic = forms.ModelChoiceField(label=_("Tema"), queryset=Topic.objects.none())
    host = forms.CharField(
        label=_("Vert (brukernavn)"),
        max_length=150,
        widget=forms.TextInput(attrs={"data-mention-lookup": "1", "autocomplete": "off"}),
    )
    starts_at = forms.DateTimeField(
        label=_("Starter"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "invalid": pgettext_lazy("form error", "Skriv tidspunktet som åååå-mm-dd tt:mm.")
        },
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics.select_related("room")

    def clean_host(self):
        username = self.cleaned_data["host"].strip().lstrip("@")
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                pgettext_lazy("form error", "Fant ingen person med brukernavnet «%(u)s»."),
                params={"u": username},
            )
        return user


class LiveChatQuestionForm(FagromForm):
    body = forms.CharField(
        label=_("Ditt spørsmål"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": pgettext_lazy("form error", "Skriv spørsmålet ditt.")},
    )


class LiveChatAnswerForm(FagromForm):
    answer = forms.CharField(
        label=_("Svar"),
        max_length=settings.POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": pgettext_lazy("form error", "Skriv et svar.")},
    )
