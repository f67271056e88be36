"""People: employees with real names, and the organisation they work in."""

from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class OrgUnit(MP_Node):
    """A node in the organisation tree: agency > department > section.

    Each unit owns two auth groups. ``group`` holds everyone placed in the
    unit *or any unit below it*; ``direct_group`` holds only those placed in
    the unit itself. Rooms grant permissions to one of them, so "NAV Sandnes
    with its sections" (or without) is one guardian row, and an agency is just
    a root unit with everything below it. Moving a person (see
    ``people.services.person_move``) changes their access at once.
    """

    class Kind(models.TextChoices):
        AGENCY = "agency", _("Etat")
        DEPARTMENT = "department", _("Avdeling")
        SECTION = "section", _("Seksjon")

    name = models.CharField(_("navn"), max_length=200)
    short_name = models.CharField(_("kortnavn"), max_length=40, blank=True)
    code = models.CharField(
        _("kode"),
        max_length=64,
        unique=True,
        help_text=_("Enhetskoden i personalsystemet eller katalogen, brukt ved synkronisering."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="org_unit", null=True, editable=False
    )
    direct_group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="org_unit_direct",
        null=True,
        editable=False,
    )

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("organisasjonsenhet")
        verbose_name_plural = _("organisasjonsenheter")

    def __str__(self):
        return self.name

    @property
    def agency(self):
        return self if self.is_root() else self.get_root()

    @property
    def group_name(self):
        return f"unit:{self.code}"

    @property
    def direct_group_name(self):
        return f"unit-direct:{self.code}"


class User(AbstractUser):
    """An employee. Real names are a rule: see ``can_write``.

    ``first_name``/``last_name`` from AbstractUser are kept for Django and
    Wagtail internals; ``full_name`` is the name shown everywhere.
    """

    # The access layer memoises what it reads about a person on the user object for one
    # request, under attributes with this prefix; identity services drop them after a
    # change (``forget_request_memos``) without importing the layer above.
    REQUEST_MEMO_PREFIX = "_fagrom_"

    def forget_request_memos(self) -> None:
        """Drop what was memoised on this object for the current request."""
        for name in [n for n in vars(self) if n.startswith(self.REQUEST_MEMO_PREFIX)]:
            del self.__dict__[name]

    full_name = models.CharField(_("fullt navn"), max_length=200, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("arbeidssted"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    title = models.CharField(_("stillingstittel"), max_length=200, blank=True)
    language = models.CharField(
        _("språk"),
        max_length=8,
        choices=[("nb", "Norsk bokmål"), ("en", "English")],
        default="nb",
    )
    directory_managed = models.BooleanField(
        _("styrt av katalogen"),
        default=False,
        help_text=_("Navn og arbeidssted kommer fra virksomhetens katalog og kan ikke endres her."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["full_name", "username"]

    def __str__(self):
        return self.display_name

    def get_full_name(self):
        return self.full_name or self.username

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.username

    @property
    def workplace(self):
        return self.org_unit.name if self.org_unit_id else ""

    @property
    def display_name(self):
        """ "Kari Nordmann · NAV Sandnes": how a person appears everywhere."""
        name = self.get_full_name()
        return f"{name} · {self.workplace}" if self.org_unit_id else name

    @property
    def has_real_name(self):
        return bool(self.full_name.strip()) and self.org_unit_id is not None

    def get_absolute_url(self):
        return reverse("people:profile", kwargs={"username": self.username})


class ApiToken(models.Model):
    """A personal API key. Only its SHA-256 hash is stored; the person sees the key once.

    Keys are long random strings, so a fast hash is enough: nobody can guess
    their way through 2^256 candidates, and lookup stays one indexed query.
    (Separate from Wagtail's own ``APIToken``, which authenticates Wagtail's
    admin API and must not open Fagrom's.)
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="personal_api_tokens")
    name = models.CharField(_("navn"), max_length=100)
    prefix = models.CharField(max_length=12, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    last_used_at = models.DateTimeField(_("sist brukt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbakekalt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-nøkkel")
        verbose_name_plural = _("API-nøkler")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None


class IdentityLogEntry(models.Model):
    """One change of, or refused attempt at, a person's full name or workplace.

    Identity is what every post, approval and journal entry shows, and unit groups
    decide room access: so each change says who made it (``actor``; none for the
    directory), through what (``source``), from what to what, and why. Refused
    attempts (someone posting their own name or unit) are kept too.
    """

    class Source(models.TextChoices):
        DIRECTORY = "directory", _("Katalogsynkronisering")
        OIDC = "oidc", _("Innlogging (SSO)")
        ADMIN = "admin", _("Administrator")
        CORRECTION = "correction", _("Godkjent rettelse")
        PROFILE = "profile", _("Egen profil")
        API = "api", _("API")

    class Action(models.TextChoices):
        CHANGED = "changed", _("Endret")
        REFUSED = "refused", _("Avvist forsøk")
        REQUESTED = "requested", _("Rettelse bedt om")
        APPROVED = "approved", _("Rettelse godkjent")
        REJECTED = "rejected", _("Rettelse avslått")

    person = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="identity_log"
    )
    actor = models.ForeignKey(
        User,
        verbose_name=_("utført av"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    source = models.CharField(_("kilde"), max_length=20, choices=Source.choices)
    action = models.CharField(_("hendelse"), max_length=20, choices=Action.choices)
    field = models.CharField(_("felt"), max_length=40, blank=True)
    old_value = models.CharField(_("fra"), max_length=300, blank=True)
    new_value = models.CharField(_("til"), max_length=300, blank=True)
    reason = models.TextField(_("begrunnelse"), blank=True)

    class Meta:
        verbose_name = _("identitetslogg")
        verbose_name_plural = _("identitetslogg")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.person} {self.field}: {self.old_value} → {self.new_value}"


class IdentityCorrection(models.Model):
    """A person asks administrators to correct their name or workplace. Nothing changes until approved."""

    class State(models.TextChoices):
        PENDING = "pending", _("Venter")
        APPROVED = "approved", _("Godkjent")
        REJECTED = "rejected", _("Avslått")

    person = models.ForeignKey(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="identity_corrections",
    )
    full_name = models.CharField(_("riktig fullt navn"), max_length=200, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("riktig arbeidssted"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("forklaring"))
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("sendt"), default=timezone.now)
    decided_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("svar"), blank=True)

    class Meta:
        verbose_name = _("rettelse av identitet")
        verbose_name_plural = _("rettelser av identitet")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.person} ({self.get_state_display()})"
