from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fagrom.forms import FagromForm

from .models import RoomRole, Thread
from .services.attachments import ACCEPT, AttachmentError, attachments_check


class PostBodyField(forms.CharField):
    """Markdown text of a post: required, not blank, bounded."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Tekst"))
        kwargs.setdefault(
            "help_text",
            _("Du kan bruke Markdown: **fet**, *kursiv*, [lenke](https://…), lister og > sitat."),
        )
        super().__init__(
            max_length=settings.POST_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 8}),
            error_messages={
                "required": pgettext_lazy("form error", "Skriv noe i innlegget før du sender det."),
                "max_length": pgettext_lazy(
                    "form error",
                    "Innlegget er for langt: høyst %(limit_value)d tegn (nå %(show_value)d).",
                ),
            },
            **kwargs,
        )


# Attachments -------------------------------------------------------------------------


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


def _attachments_help() -> str:
    return _(
        "Valgfritt. PDF, Word, Excel, PowerPoint, OpenDocument eller bilder, "
        "høyst %(count)d filer på %(size)d MB hver."
    ) % {
        "count": settings.ATTACHMENT_MAX_COUNT,
        "size": settings.ATTACHMENT_MAX_SIZE // (1024 * 1024),
    }


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked by content (``forum.services.attachments``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Vedlegg"))
        kwargs.setdefault("help_text", lazy(_attachments_help, str)())
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            return []
        try:
            return attachments_check(files)
        except AttachmentError as exc:
            raise forms.ValidationError(
                "%(message)s %(again)s",
                code="attachment",
                params={
                    "message": exc.message,
                    "again": pgettext_lazy(
                        "form error",
                        "Teksten din er tatt vare på, men filene må velges på nytt.",
                    ),
                },
            ) from exc


class ThreadForm(FagromForm):
    title = forms.CharField(
        label=_("Tittel"),
        max_length=settings.THREAD_TITLE_MAX_LENGTH,
        error_messages={
            "required": pgettext_lazy("form error", "Tråden må ha en tittel."),
            "max_length": pgettext_lazy(
                "form error",
                "Tittelen er for lang: høyst %(limit_value)d tegn (nå %(show_value)d).",
            ),
        },
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            (Thread.Kind.DISCUSSION, _("Diskusjon")),
            (Thread.Kind.QUESTION, _("Spørsmål om regelverk")),
            (Thread.Kind.IDEA, _("Forslag til forbedring")),
        ],
        initial=Thread.Kind.DISCUSSION,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": pgettext_lazy("form error", "Velg diskusjon, spørsmål eller forslag.")
        },
    )
    body = PostBodyField()
    attachments = AttachmentsField()


class ReplyForm(FagromForm):
    body = PostBodyField(label=_("Ditt svar"))
    attachments = AttachmentsField()


class PostEditForm(FagromForm):
    body = PostBodyField()


# Room members ------------------------------------------------------------------------


class MemberSearchForm(FagromForm):
    q = forms.CharField(
        label=_("Søk etter person eller enhet"),
        help_text=_("Navn, brukernavn eller enhetskode, minst to tegn."),
        required=False,
        max_length=100,
    )


class MemberAddForm(forms.Form):
    """One search result's "add" form: ``member`` is "user:<id>" or "unit:<id>"."""

    member = forms.RegexField(
        regex=r"^(user|unit):\d{1,18}$",
        error_messages={
            "required": pgettext_lazy("form error", "Velg en person eller enhet fra søket."),
            "invalid": pgettext_lazy("form error", "Velg en person eller enhet fra søket."),
        },
    )
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=RoomRole.choices,
        initial=RoomRole.MEMBER,
        error_messages={"invalid_choice": pgettext_lazy("form error", "Velg en rolle fra listen.")},
    )
    include_subunits = forms.BooleanField(label=_("Med underenheter"), required=False)

    def clean(self):
        from people.models import OrgUnit, User

        data = super().clean()
        member = data.get("member")
        if member:
            kind, _, pk = member.partition(":")
            if kind == "user":
                data["user"] = User.objects.filter(pk=int(pk), is_active=True).first()
                data["unit"] = None
            else:
                data["unit"] = (
                    OrgUnit.objects.filter(pk=int(pk))
                    .select_related("group", "direct_group")
                    .first()
                )
                data["user"] = None
            if data["user"] is None and data["unit"] is None:
                raise forms.ValidationError(
                    pgettext_lazy("form error", "Fant ikke personen eller enheten. Søk på nytt.")
                )
        return data


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=RoomRole.choices,
        error_messages={"invalid_choice": pgettext_lazy("form error", "Velg en rolle fra listen.")},
    )
