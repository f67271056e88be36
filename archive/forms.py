from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fagrom.forms import FagromForm
from forum.models import Room, Topic
from people.models import OrgUnit

from .models import (
    AccessRequest,
    ArchiveClass,
    Case,
    CaseType,
    DisposalDecision,
    JournalEntry,
    NominationRule,
)


class NominationForm(FagromForm):
    reason = forms.CharField(
        label=_("Hvorfor bør tråden journalføres?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "For eksempel: avklarer praksis for hele etaten, eller svar på en henvendelse."
        ),
    )


class RejectForm(FagromForm):
    # A button that only posts says this when the form is not valid (no page shows it).
    invalid_message = _("Skriv hvorfor forslaget avvises.")

    reason = forms.CharField(
        label=_("Begrunnelse"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class HoldForm(FagromForm):
    # A button that only posts says this when the form is not valid (no page shows it).
    invalid_message = _("Skriv hvorfor tråden skal bevares.")

    reason = forms.CharField(
        label=_("Hvorfor skal tråden bevares?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class JournalForm(FagromForm):
    """What a records officer fills in to journal a nominated thread."""

    case = forms.ModelChoiceField(
        label=_("Eksisterende sak"),
        queryset=Case.objects.none(),
        required=False,
        empty_label=_("– Opprett ny sak –"),
        help_text=_("En oppfølging journalføres som ny journalpost i samme sak."),
    )
    new_case_title = forms.CharField(label=_("Tittel på ny sak"), max_length=255, required=False)
    new_case_public_title = forms.CharField(
        label=_("Offentlig tittel på ny sak"),
        max_length=255,
        required=False,
        help_text=_("Tom betyr samme som tittelen."),
    )
    archive_class = forms.ModelChoiceField(
        label=_("Arkivklasse (ny sak)"), queryset=ArchiveClass.objects.all(), required=False
    )
    case_type = forms.ModelChoiceField(
        label=_("Sakstype (ny sak)"),
        queryset=CaseType.objects.filter(is_active=True),
        required=False,
        help_text=_("Sakstypen gir bevaringstiden og, om du ikke velger en, arkivklassen."),
    )
    title = forms.CharField(label=_("Tittel på journalposten"), max_length=255)
    public_title = forms.CharField(
        label=_("Offentlig tittel"),
        max_length=255,
        required=False,
        help_text=_("Må fylles ut når tittelen skjermes: erstatt skjermede ord med *****."),
    )
    document_date = forms.DateField(
        label=_("Dokumentets dato"), widget=forms.DateInput(attrs={"type": "date"})
    )
    type = forms.ChoiceField(label=_("Journalposttype"), choices=JournalEntry.Type.choices)
    responsible_unit = forms.ModelChoiceField(
        label=_("Ansvarlig enhet"), queryset=OrgUnit.objects.order_by("path")
    )
    screening_basis = forms.CharField(
        label=_("Skjermingshjemmel"),
        max_length=200,
        required=False,
        help_text=_("For eksempel «offl. § 14» eller «offl. § 13 jf. fvl. § 13»."),
    )
    screen_title = forms.BooleanField(label=_("Skjerm ord i tittelen"), required=False)
    screen_names = forms.BooleanField(label=_("Skjerm avsenderens navn"), required=False)
    include_removed = forms.BooleanField(
        label=_("Ta med teksten i innlegg som moderator har fjernet (krever skjerming)"),
        required=False,
        help_text=_("Ellers viser arkivkopien at innlegget er fjernet, og hvorfor."),
    )

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        # ``cases``: the open cases found by number or title (the form's case search).
        self.fields["case"].queryset = (
            cases if cases is not None else Case.objects.filter(status=Case.Status.OPEN)
        ).order_by("-year", "-sequence_number")
        self.fields["case"].label_from_instance = lambda c: f"{c.number} {c.title}"

    def clean(self):
        data = super().clean()
        if not data.get("case"):
            if not (data.get("new_case_title") or "").strip():
                self.add_error(
                    "new_case_title",
                    _("Velg en eksisterende sak eller gi den nye saken en tittel."),
                )
            if not data.get("archive_class") and data.get("case_type"):
                data["archive_class"] = data["case_type"].archive_class
            if not data.get("archive_class"):
                self.add_error("archive_class", _("Velg arkivklasse for den nye saken."))
        if data.get("include_removed") and not (data.get("screening_basis") or "").strip():
            self.add_error(
                "screening_basis",
                _("Fjernede innlegg tas bare med når journalposten skjermes. Oppgi hjemmel."),
            )
        if data.get("document_date") and data["document_date"] > timezone.localdate():
            self.add_error("document_date", _("Dokumentets dato kan ikke være fram i tid."))
        return data


class ScopedRuleForm(FagromForm):
    """A rule covers a topic or a room: one of the two, chosen here."""

    topic = forms.ModelChoiceField(
        label=_("Tema"), queryset=Topic.objects.select_related("room"), required=False
    )
    room = forms.ModelChoiceField(label=_("eller rom"), queryset=Room.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("topic")) == bool(data.get("room")):
            raise forms.ValidationError(_("Velg enten et tema eller et rom."))
        return data


class NominationRuleForm(ScopedRuleForm):
    what = forms.ChoiceField(label=_("Hva foreslås"), choices=NominationRule.What.choices)


class RetentionRuleForm(ScopedRuleForm):
    inactive_years = forms.IntegerField(label=_("År uten aktivitet"), min_value=1, max_value=100)
    basis = forms.CharField(
        label=_("Hjemmel"),
        max_length=200,
        initial="Arkivforskrifta § 14 (arkivavgrensing)",
    )


class CaseReopenForm(FagromForm):
    # A button that only posts says this when the form is not valid (no page shows it).
    invalid_message = _("Skriv hvorfor saken gjenåpnes.")

    reason = forms.CharField(
        label=_("Hvorfor gjenåpnes saken?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class RetentionForm(FagromForm):
    """A line of the retention schedule (bevarings- og kassasjonsplan)."""

    decision = forms.ChoiceField(label=_("Kassasjonsvedtak"), choices=DisposalDecision.choices)
    years = forms.IntegerField(
        label=_("Bevaringstid (år etter at saken er avsluttet)"),
        min_value=1,
        max_value=200,
        required=False,
    )
    basis = forms.CharField(
        label=_("Kassasjonshjemmel"),
        max_length=200,
        required=False,
        help_text=_("For eksempel «Bevarings- og kassasjonsplan for etaten, pkt. 3.2»."),
    )


class CaseRetentionForm(RetentionForm):
    # A button that only posts says this when the form is not valid (no page shows it).
    invalid_message = _("Sjekk feltene for bevaringstid.")

    decision = forms.ChoiceField(
        label=_("Kassasjonsvedtak"),
        choices=[("", _("Som arkivklassen"))] + list(DisposalDecision.choices),
        required=False,
    )


class AccessRequestForm(FagromForm):
    """An innsynskrav from the public journal: who asks and which entries."""

    name = forms.CharField(label=_("Navn"), max_length=200)
    email = forms.EmailField(label=_("E-post"), help_text=_("Svaret sendes hit."))
    message = forms.CharField(
        label=_("Melding (valgfritt)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    entries = forms.ModelMultipleChoiceField(
        label=_("Journalposter"),
        queryset=JournalEntry.objects.select_related("case"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Velg minst én journalpost.")},
    )

    def __init__(self, *args, entry_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["entries"]
        if entry_ids:
            field.queryset = field.queryset.filter(pk__in=list(entry_ids)[:50])
        field.label_from_instance = lambda e: f"{e.registry_id} {e.shown_title}"
        field.widget.attrs.pop("class", None)


class AccessDecisionForm(FagromForm):
    status = forms.ChoiceField(
        label=_("Avgjørelse"),
        choices=[
            (AccessRequest.Status.IN_PROGRESS, _("Under behandling")),
            (AccessRequest.Status.GRANTED, _("Innsyn gitt")),
            (AccessRequest.Status.PARTLY, _("Delvis innsyn")),
            (AccessRequest.Status.REFUSED, _("Avslått")),
        ],
    )
    reply = forms.CharField(
        label=_("Svar til den som ba om innsyn"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        required=False,
        help_text=_("Ved innsyn: hva som sendes (dokumentene legges ved svaret)."),
    )
    refusal_basis = forms.CharField(
        label=_("Hjemmel for avslag eller delvis innsyn"),
        max_length=200,
        required=False,
        help_text=_("For eksempel «offl. § 13 jf. fvl. § 13 første ledd nr. 1»."),
    )


class CaseTypeForm(FagromForm):
    """A case type with its (optional) line of the retention schedule."""

    code = forms.CharField(label=_("Kode"), max_length=40)
    title = forms.CharField(label=_("Sakstype"), max_length=200)
    archive_class = forms.ModelChoiceField(
        label=_("Arkivklasse"), queryset=ArchiveClass.objects.order_by("code")
    )
    decision = forms.ChoiceField(
        label=_("Kassasjonsvedtak"),
        choices=[("", _("Som arkivklassen"))] + list(DisposalDecision.choices),
        required=False,
    )
    years = forms.IntegerField(
        label=_("Bevaringstid (år etter at saken er avsluttet)"),
        min_value=1,
        max_value=200,
        required=False,
    )
    basis = forms.CharField(label=_("Kassasjonshjemmel"), max_length=200, required=False)
    is_active = forms.BooleanField(label=_("I bruk"), required=False, initial=True)


class CaseTypeChoiceForm(FagromForm):
    invalid_message = _("Velg en sakstype fra listen.")
    case_type = forms.ModelChoiceField(
        label=_("Sakstype"),
        queryset=CaseType.objects.order_by("code"),
        required=False,
        empty_label=_("– Ingen sakstype –"),
    )
