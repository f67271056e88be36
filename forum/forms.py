from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fagrom.forms import FagromForm

from .models import Thread


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


class ReplyForm(FagromForm):
    body = PostBodyField(label=_("Ditt svar"))


class PostEditForm(FagromForm):
    body = PostBodyField()
