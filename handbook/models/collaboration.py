"""Working on the handbook together: proposals from the forum and internal hearings."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeProposal(models.Model):
    """A forum post (a clarification, a verified answer) turned into a draft of a handbook page.

    The draft is a Wagtail revision the owner works on; the proposal is
    adopted when a revision at or after it is published, or declined by the
    owner with a reason.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Til behandling")
        ADOPTED = "adopted", _("Tatt inn")
        DECLINED = "declined", _("Avslått")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="handbook_proposals"
    )
    thread = models.ForeignKey(
        "forum.Thread", on_delete=models.PROTECT, related_name="handbook_proposals"
    )
    post = models.ForeignKey(
        "forum.Post", on_delete=models.PROTECT, null=True, related_name="handbook_proposals"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.PROTECT, null=True, related_name="+"
    )
    note = models.TextField(_("begrunnelse"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("begrunnelse for avslag"), blank=True)

    class Meta:
        verbose_name = _("endringsforslag")
        verbose_name_plural = _("endringsforslag")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["page", "status"], name="handbook_proposal_page_status")]

    def __str__(self):
        return f"{self.thread} → {self.page}"


class Hearing(models.Model):
    """An internal hearing (høring) on a draft version, for chosen units until a deadline."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="handbook_hearings"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(
        "handbook.PageVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hearings",
        help_text="The version published after this hearing; set on publish.",
    )
    title = models.CharField(_("tittel"), max_length=255)
    description = models.TextField(_("hva høringen gjelder"), blank=True)
    units = models.ManyToManyField(
        "people.OrgUnit", verbose_name=_("høringsinstanser"), related_name="+"
    )
    deadline = models.DateField(_("frist"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("handbook:hearing", args=[self.pk])

    def is_open(self, today=None) -> bool:
        return (today or timezone.localdate()) <= self.deadline


class HearingComment(models.Model):
    """A participant's comment on one section of the draft, and the editor's response."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="comments")
    section_id = models.CharField(max_length=64)
    section_title = models.CharField(max_length=255)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(default=timezone.now)
    response = models.TextField(_("svar"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("høringsinnspill")
        verbose_name_plural = _("høringsinnspill")
