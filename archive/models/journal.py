"""Journaling: the archive (arkiv), its classes (klasser), cases (saksmapper),
journal entries (journalposter) and their frozen archival documents.

Every unit that goes into a Noark 5 extract gets its UUID (systemID) once,
when it is created, and keeps it: a re-export never invents new identities.
Names shown in the journal (who sent, who handled, which unit) are copied
onto the rows when they are written, because the journal records the moment
of journaling and must not change when a person is renamed or moves.
"""

from dataclasses import dataclass
from datetime import date
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Noark 5 code-list values (metadatakatalog M052, M053, M082). They go into the
# extract verbatim, so they are plain strings, never translated.
NOARK_CASE_STATUS = {"open": "Under behandling", "closed": "Avsluttet"}
NOARK_ENTRY_STATUS = {"journaled": "Journalført", "archived": "Arkivert"}
NOARK_ENTRY_TYPE = {
    "I": "Inngående dokument",
    "U": "Utgående dokument",
    "N": "Organinternt dokument for oppfølging",
    "X": "Organinternt dokument uten oppfølging",
    "S": "Saksframlegg",
}
SCREENED = "*****"
# Kassasjonsvedtak (M450), verbatim into the extract.
NOARK_DISPOSAL_DECISION = {"keep": "Bevares", "dispose": "Kasseres", "later": "Vurderes senere"}


def _kept_link(to, verbose_name):
    """A unit or person a record names: PROTECTed (the record never loses it) and with
    no reverse accessor (nothing asks a unit or a person for its records this way)."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=models.PROTECT, related_name="+"
    )


def _name_then(*, blank=False):
    """The name as it was when the row was written (see the module docstring)."""
    return models.CharField(max_length=200, blank=blank, editable=False)


class DisposalDecision(models.TextChoices):
    KEEP = "keep", _("Bevares")
    DISPOSE = "dispose", _("Kasseres")
    LATER = "later", _("Vurderes senere")


@dataclass(frozen=True)
class Retention:
    """A case's retention as it applies: its own, or inherited from its archive class."""

    decision: str
    years: int | None
    basis: str
    inherited: bool  # from the case type or the archive class (``source`` says which)
    due: date | None  # kassasjonsdato: closure + years, for a closed case to be disposed
    # Who set the line that applies: they never approve the disposal it leads to.
    set_by_id: int | None = None
    source: str = "archiveclass"  # "case", "casetype" or "archiveclass"

    @property
    def noark_decision(self) -> str:
        return NOARK_DISPOSAL_DECISION[self.decision]

    def get_decision_display(self) -> str:
        return DisposalDecision(self.decision).label


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class RetentionLine(models.Model):
    """A line of the retention schedule (bevarings- og kassasjonsplan): how long after
    closing, on what legal basis, and who set it. Whoever set the line that makes a case
    due does not approve the disposal list it is on (four eyes)."""

    retention_years = models.PositiveSmallIntegerField(
        _("bevaringstid (år etter avslutning)"), null=True, blank=True
    )
    disposal_basis = models.CharField(_("kassasjonshjemmel"), max_length=200, blank=True)
    retention_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True


class RetentionOverride(RetentionLine):
    """A line that may be left blank: then the one above it applies (a case's type's, else
    its archive class's)."""

    disposal_decision = models.CharField(
        _("kassasjonsvedtak"), max_length=10, choices=DisposalDecision.choices, blank=True
    )

    class Meta:
        abstract = True


class Fonds(models.Model):
    """The archive (arkiv) and its one classification system (klassifikasjonssystem).

    There is one row; ``archive.services.fonds_get`` creates it from settings
    the first time something is journaled.
    """

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    title = models.CharField(_("tittel"), max_length=200)
    creator_id = models.CharField(_("arkivskaper-ID"), max_length=60)
    creator_name = models.CharField(_("arkivskaper"), max_length=200)
    classification_uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    classification_title = models.CharField(_("arkivnøkkel"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("arkiv")
        verbose_name_plural = _("arkiv")

    def __str__(self):
        return self.title


class ArchiveClass(RetentionLine):
    """A class (klasse) in the archive key; every case is filed under one."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    code = models.CharField(_("klasse-ID"), max_length=40, unique=True)
    title = models.CharField(_("tittel"), max_length=200)
    # The retention schedule (bevarings- og kassasjonsplan): inherited by the class's cases.
    disposal_decision = models.CharField(
        _("kassasjonsvedtak"),
        max_length=10,
        choices=DisposalDecision.choices,
        default=DisposalDecision.KEEP,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("arkivklasse")
        verbose_name_plural = _("arkivklasser")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"


class ArchivePart(models.Model):
    """An archive part (arkivdel): the closed period an archive extract covers.

    Made the first time a period is exported and reused when the same period
    is exported again, so the extract's arkivdel keeps its systemID.
    """

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    title = models.CharField(_("tittel"), max_length=200)
    start_date = models.DateField(_("periode fra"))
    end_date = models.DateField(_("periode til"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by_name = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("arkivdel")
        verbose_name_plural = _("arkivdeler")
        constraints = [
            models.UniqueConstraint(fields=["start_date", "end_date"], name="archivepart_period")
        ]

    def __str__(self):
        return self.title


class JournalSequence(models.Model):
    """The last number handed out per year, one row per kind and year.

    Services lock the row with ``select_for_update`` inside the journaling
    transaction, so numbers are unique and without gaps: a rolled-back
    journaling also rolls back its number.
    """

    class Kind(models.TextChoices):
        CASE = "case", _("saksnummer")
        ENTRY = "entry", _("løpenummer")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="journalsequence_unique")
        ]

    def __str__(self):
        return f"{self.kind} {self.year}: {self.last_number}"


class Case(RetentionOverride):
    """A case (saksmappe) with its case number ``YYYY/N``."""

    class Status(models.TextChoices):
        OPEN = "open", _("Under behandling")
        CLOSED = "closed", _("Avsluttet")

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("saksår"))
    sequence_number = models.PositiveIntegerField(_("sakssekvensnummer"))
    title = models.CharField(_("tittel"), max_length=255)
    public_title = models.CharField(_("offentlig tittel"), max_length=255)
    archive_class = models.ForeignKey(
        ArchiveClass, verbose_name=_("arkivklasse"), on_delete=models.PROTECT, related_name="cases"
    )
    responsible_unit = _kept_link("people.OrgUnit", _("ansvarlig enhet"))
    responsible_unit_name = _name_then()
    case_officer = _kept_link(settings.AUTH_USER_MODEL, _("saksansvarlig"))
    case_officer_name = _name_then()
    status = models.CharField(
        _("saksstatus"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now, editable=False)
    created_by_name = _name_then()
    closed_at = models.DateTimeField(_("avsluttet"), null=True, blank=True, editable=False)
    closed_by_name = _name_then(blank=True)
    last_document_number = models.PositiveIntegerField(default=0, editable=False)
    # The case type's line of the retention schedule applies unless the case has its own.
    case_type = models.ForeignKey(
        "archive.CaseType",
        verbose_name=_("sakstype"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    # Blank: the case type's (else the archive class's) schedule applies (see ``retention``).

    class Meta:
        verbose_name = _("sak")
        verbose_name_plural = _("saker")
        ordering = ["-year", "-sequence_number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence_number"], name="case_unique_number")
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def number(self) -> str:
        return f"{self.year}/{self.sequence_number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def retention(self) -> Retention:
        """The retention that applies: the case's own when set, else its type's, else its class's."""
        own = bool(self.disposal_decision)
        source = self if own else self.archive_class
        if not own and self.case_type_id and self.case_type.disposal_decision:
            source = self.case_type
        decision, years = source.disposal_decision, source.retention_years
        due = None
        if decision != DisposalDecision.KEEP and years is not None and self.closed_at:
            due = years_after(timezone.localdate(self.closed_at), years)
        return Retention(
            decision=decision,
            years=years,
            basis=source.disposal_basis,
            inherited=not own,
            due=due,
            set_by_id=source.retention_set_by_id,
            source=type(source).__name__.lower(),
        )


class JournalEntryQuerySet(models.QuerySet):
    def in_journal_order(self):
        return self.order_by("year", "sequence_number")

    def screened(self):
        return self.exclude(screening_basis="")


class JournalEntry(models.Model):
    """A journal entry (journalpost): one registered document in a case.

    ``year``/``sequence_number`` is the løpenummer, running per year across
    the whole journal; ``document_number`` numbers the entries inside the case
    (``2026/12-3`` is the third entry of case 2026/12).
    """

    class Type(models.TextChoices):
        INCOMING = "I", _("Inngående dokument")
        OUTGOING = "U", _("Utgående dokument")
        INTERNAL_FOLLOW_UP = "N", _("Organinternt dokument for oppfølging")
        INTERNAL = "X", _("Organinternt dokument uten oppfølging")
        CASE_PRESENTATION = "S", _("Saksframlegg")

    class Status(models.TextChoices):
        JOURNALED = "journaled", _("Journalført")
        ARCHIVED = "archived", _("Arkivert")

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case, verbose_name=_("sak"), on_delete=models.PROTECT, related_name="entries"
    )
    # PROTECT: a journaled thread can never be deleted, whatever code tries.
    thread = models.ForeignKey(
        "forum.Thread",
        verbose_name=_("tråd"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("journalår"))
    sequence_number = models.PositiveIntegerField(_("journalsekvensnummer"))
    document_number = models.PositiveIntegerField(_("journalpostnummer"))
    title = models.CharField(_("tittel"), max_length=255)
    public_title = models.CharField(_("offentlig tittel"), max_length=255)
    type = models.CharField(
        _("journalposttype"), max_length=1, choices=Type.choices, default=Type.INTERNAL
    )
    status = models.CharField(
        _("journalstatus"), max_length=10, choices=Status.choices, default=Status.JOURNALED
    )
    document_date = models.DateField(_("dokumentets dato"))
    journal_date = models.DateField(_("journaldato"))
    responsible_unit = _kept_link("people.OrgUnit", _("ansvarlig enhet"))
    responsible_unit_name = _name_then()
    journaled_by = _kept_link(settings.AUTH_USER_MODEL, _("journalført av"))
    journaled_by_name = _name_then()
    sender_name = models.CharField(_("avsender"), max_length=200)
    sender_unit_name = models.CharField(_("avsenders enhet"), max_length=200, blank=True)
    # Screening (skjerming): an empty basis means nothing is withheld.
    screening_basis = models.CharField(
        _("skjermingshjemmel"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel «offl. § 14» eller «offl. § 13 jf. fvl. § 13»."),
    )
    screen_title = models.BooleanField(_("skjerm tittelen"), default=False)
    screen_names = models.BooleanField(_("skjerm navn på avsender"), default=False)
    created_at = models.DateTimeField(_("journalført"), default=timezone.now, editable=False)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalpost")
        verbose_name_plural = _("journalposter")
        ordering = ["-year", "-sequence_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "sequence_number"], name="journalentry_unique_number"
            ),
            models.UniqueConstraint(
                fields=["case", "document_number"], name="journalentry_unique_in_case"
            ),
        ]
        indexes = [
            models.Index(fields=["journal_date"], name="journalentry_date_idx"),
            models.Index(fields=["thread"], name="journalentry_thread_idx"),
        ]

    def __str__(self):
        return f"{self.registry_id} {self.title}"

    @property
    def registry_id(self) -> str:
        """registreringsID: case number and document number, ``2026/12-3``."""
        return f"{self.case.year}/{self.case.sequence_number}-{self.document_number}"

    @property
    def running_number(self) -> str:
        """Løpenummer, sequence first as Noark 4 printed it: ``431/2026``."""
        return f"{self.sequence_number}/{self.year}"

    @property
    def is_screened(self) -> bool:
        return bool(self.screening_basis)

    @property
    def shown_title(self) -> str:
        """The title as the public may see it."""
        return self.public_title if self.screen_title else self.title

    @property
    def shown_sender(self) -> str:
        return SCREENED if self.screen_names else self.sender_name


class ArchivalDocument(models.Model):
    """A frozen document (dokumentbeskrivelse + dokumentobjekt), immutable.

    The bytes live in the ``private`` storage under ``file_name``; their
    SHA-256, size and format were recorded when the file was written. No
    service changes a row or its file: a follow-up is a new journal entry.
    """

    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="documents")
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    object_uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    document_number = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(_("tittel"), max_length=255)
    document_type = models.CharField(_("dokumenttype"), max_length=60, default="Forumtråd")
    file_name = models.CharField(max_length=255, unique=True, editable=False)
    format = models.CharField(_("format"), max_length=20, default="pdf", editable=False)
    format_details = models.CharField(
        _("formatdetaljer"), max_length=100, default="PDF/A-2b (PRONOM fmt/477)", editable=False
    )
    sha256 = models.CharField(_("sjekksum (SHA-256)"), max_length=64, editable=False)
    size = models.PositiveBigIntegerField(_("filstørrelse"), editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by_name = _name_then()
    # Disposal (utført kassasjon) removes the file and keeps this description.
    disposed_at = models.DateTimeField(_("kassert"), null=True, blank=True, editable=False)
    disposed_by_name = _name_then(blank=True)

    class Meta:
        verbose_name = _("arkivdokument")
        verbose_name_plural = _("arkivdokumenter")
        ordering = ["entry", "document_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "document_number"], name="archivaldocument_unique_number"
            )
        ]

    def __str__(self):
        return self.title
