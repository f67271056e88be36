"""Guidance: structured references to laws and regulations, and reminders on slow questions."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .structure import Post, Thread


class RuleReference(models.Model):
    """One section of a law or regulation, e.g. ``ftrl. § 4-3``; parsed from posts."""

    law = models.CharField(_("lov eller forskrift"), max_length=60)
    section = models.CharField(_("paragraf"), max_length=30)
    label = models.CharField(_("visningsnavn"), max_length=100)

    class Meta:
        verbose_name = _("regelhenvisning")
        verbose_name_plural = _("regelhenvisninger")
        ordering = ["law", "section"]
        constraints = [
            models.UniqueConstraint(fields=["law", "section"], name="rulereference_unique")
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("forum:rule_reference", kwargs={"law": self.law, "section": self.section})


class RuleCitation(models.Model):
    """A post cites a rule. Rebuilt from the post's text whenever it is written or edited."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="rule_citations")
    reference = models.ForeignKey(RuleReference, on_delete=models.CASCADE, related_name="citations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "reference"], name="rulecitation_unique")
        ]


class QuestionReminder(models.Model):
    """A reminder sent about an unanswered question; one per stage so it is sent once."""

    class Stage(models.TextChoices):
        MODERATORS = "moderators", _("Moderatorene")
        OWNER = "owner", _("Temaets eier")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "stage"], name="questionreminder_unique")
        ]
