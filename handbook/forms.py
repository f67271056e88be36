from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm

from fagrom.forms import FagromForm

from .slugs import ascii_slug

# The edit view's buttons that send a change on its way to readers.
_SENDING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


class ControlledPageForm(WagtailAdminPageForm):
    """The Wagtail edit form of a chapter or page, with the quality system's two rules.

    * A change summary is required when the change is submitted or published.
    * A change is never silently saved over someone else's newer version: if
      the page changed since the form was loaded, the form says so and keeps
      what the person typed (sending it again then overwrites, knowingly).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if (
            not self.is_bound
            and page.pk
            and page.live
            and page.latest_revision_id == page.live_revision_id
        ):
            # A new change starts with an empty summary, not the published version's.
            self.initial["change_summary"] = ""

    def clean_slug(self):
        # A slug typed (or left by the browser) with æ, ø, å is spelled out, never percent-encoded.
        return ascii_slug(self.cleaned_data.get("slug") or "") or self.cleaned_data.get("slug")

    def clean(self):
        cleaned = super().clean()
        sending = any(self.data.get(action) for action in _SENDING_ACTIONS)
        if sending and not (cleaned.get("change_summary") or "").strip():
            self.add_error(
                "change_summary",
                pgettext_lazy(
                    "handbook", "Skriv kort hva som er endret før du sender inn eller publiserer."
                ),
            )
        if self._is_out_of_date():
            raise forms.ValidationError(
                pgettext_lazy(
                    "handbook",
                    "Noen andre har lagret en nyere versjon av siden mens du skrev. Teksten din er "
                    "ikke lagret ennå: kopier den du vil beholde, eller send inn på nytt for å "
                    "skrive over den nyere versjonen.",
                ),
                code="conflict",
            )
        return cleaned

    def _is_out_of_date(self) -> bool:
        latest = self.instance.latest_revision_id
        if not self.instance.pk or not latest:
            return False
        seen = self.data.get("overwrite_revision_id") or self.data.get("loaded_revision_id")
        return bool(seen) and seen != str(latest)


class ApprovalCommentForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("Kommentar til versjonen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectionCommentForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("Hva må endres?"),
        required=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": pgettext_lazy("handbook", "Skriv hvorfor endringen avvises.")},
    )


class ProposalForm(FagromForm):
    """A moderator turns a post into a change proposal on a chosen page."""

    post = forms.ModelChoiceField(queryset=None, label=_("Innlegg"), empty_label=None)
    page = forms.ModelChoiceField(queryset=None, label=_("Håndbokside"))
    note = forms.CharField(
        label=_("Hvorfor bør siden endres?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": pgettext_lazy("handbook", "Skriv en kort begrunnelse.")},
    )

    def __init__(self, *args, posts, pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts
        self.fields["post"].label_from_instance = lambda p: (
            f"#{p.position} · {p.author.get_full_name()}"
        )
        self.fields["page"].queryset = pages
        self.fields["page"].label_from_instance = lambda p: p.title


class DeclineProposalForm(FagromForm):
    note = forms.CharField(
        label=_("Hvorfor tas ikke forslaget inn?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class HearingForm(FagromForm):
    title = forms.CharField(label=_("Tittel"), max_length=255)
    description = forms.CharField(
        label=_("Hva høringen gjelder"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    units = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Høringsinstanser (enheter)"), widget=forms.CheckboxSelectMultiple
    )
    deadline = forms.DateField(
        label=_("Frist"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, units, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units
        self.today = today

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < self.today:
            raise forms.ValidationError(pgettext_lazy("handbook", "Fristen kan ikke være passert."))
        return deadline


class HearingCommentForm(FagromForm):
    section = forms.ChoiceField(label=_("Avsnitt"))
    body = forms.CharField(
        label=_("Innspill"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s["id"], s["title"]) for s in sections]


class HearingResponseForm(FagromForm):
    response = forms.CharField(
        label=_("Svar"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class RestoreVersionForm(FagromForm):
    summary = forms.CharField(
        label=_("Hvorfor gjenopprettes denne versjonen?"),
        max_length=500,
        help_text=_("Blir endringsbeskrivelsen for den nye versjonen."),
    )
