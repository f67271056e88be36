"""Handbook page types: one root, chapters under it, pages under chapters.

Chapters and pages are *controlled documents*: each has an owner and owning
unit, an approver and a version number for what is published, an effective
date, a review interval and a next review date, and a status. The version
fields are set by ``handbook.services.version_record_publish`` when Wagtail
publishes; editors never type them.
"""

import calendar
import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from ..blocks import HandbookStreamBlock, block_text, heading_anchor
from ..forms import ControlledPageForm
from ..slugs import ascii_slug


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class DocumentStatus(models.TextChoices):
    CURRENT = "current", _("Gjeldende")
    UNDER_REVISION = "under_revision", _("Under revisjon")
    WITHDRAWN = "withdrawn", _("Trukket tilbake")


class LoginRequiredMixin:
    """The handbook is internal: anonymous visitors are sent to the login page."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class _LockRulesTester(PagePermissionTester):
    """Wagtail's answers, with the handbook's lock rules on top (``LockRulesMixin``)."""

    def can_lock(self):
        return super().can_lock() and type(self.page).lock_rule(self.user, self.page)

    def can_unlock(self):
        return super().can_unlock() or type(self.page).unlock_rule(self.user, self.page)


class LockRulesMixin:
    """Who may lock a handbook page, and who may lift a lock, beyond Wagtail's permissions.

    Every employee holds Wagtail's "lock" permission on the handbook (they lock a page while
    writing), so Wagtail alone lets anyone lock any page, even one they may not read, and
    only editors lift it. The rules are set at start-up (``handbook.apps``) from the access
    layer: locking for those who may read and edit the page, unlocking also for its owner.
    Until then: nobody locks, nobody beyond Wagtail unlocks.
    """

    lock_rule: Callable[..., bool] = staticmethod(lambda user, page: False)
    unlock_rule: Callable[..., bool] = staticmethod(lambda user, page: False)

    def permissions_for_user(self, user):
        return _LockRulesTester(user, self)


class SiteAddressMixin:
    """Absolute page links (``full_url``: Wagtail's workflow e-mails, reminders) start with
    ``SITE_URL``, the one site address, not the Site record's host name (``localhost:80``
    after Wagtail's first migration). Relative links are unchanged."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, _root_url, page_path = parts
        return site_id, settings.SITE_URL, page_path


class HandbookIndexPage(SiteAddressMixin, LoginRequiredMixin, LockRulesMixin, Page):
    """The handbook's root, at ``/handbook/``: introduction and the full table of contents."""

    intro = RichTextField(_("innledning"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["handbook.ChapterPage"]
    max_count = 1
    template = "handbook/handbook_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("håndbok (forside)")

    # What a reader's page shows beyond the page itself (contents, versions, required
    # reading) is decided above the access layer, in handbook.views; start-up wires it in
    # (handbook.apps), so this model never imports the layers above it.
    reader_context: Callable[..., dict] = staticmethod(lambda request, page: {})

    def get_context(self, request, *args, **kwargs):
        extra = self.reader_context(request, self)
        return {**super().get_context(request, *args, **kwargs), **extra}

    def route(self, request, path_components):
        """The page at the end of the path in one lookup by ``url_path``, where Wagtail's
        ``Page.route`` asks for each level's child and its specific page in turn (two
        queries a level). As there, only the page at the end must be live; no handbook
        page type routes on its own (``RoutablePageMixin``), so nothing is skipped."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        try:
            page = Page.objects.descendant_of(self).get(url_path=url_path).specific
        except Page.DoesNotExist as e:
            raise Http404 from e
        if type(page).route is not Page.route and type(page).route is not HandbookIndexPage.route:
            return super().route(request, path_components)  # a type that routes itself
        if not page.live:
            raise Http404
        return RouteResult(page)


class ControlledPageQuerySet(PageQuerySet):
    def due_for_review(self, *, within_days: int | None = None, today=None):
        """Live pages whose next review date is past or within ``within_days`` days."""
        today = today or timezone.localdate()
        days = settings.HANDBOOK_REVIEW_WARNING_DAYS if within_days is None else within_days
        return self.live().filter(next_review_date__lte=today + datetime.timedelta(days=days))


ControlledPageManager = PageManager.from_queryset(ControlledPageQuerySet)


class ControlledPage(SiteAddressMixin, LoginRequiredMixin, LockRulesMixin, Page):
    """A controlled document in the handbook (abstract: chapters and pages share it)."""

    change_summary = models.CharField(
        _("hva er endret"),
        max_length=500,
        blank=True,
        help_text=_("Påkrevd når du sender inn eller publiserer. Vises i endringsloggen."),
    )
    body = StreamField(HandbookStreamBlock(), verbose_name=_("innhold"), blank=True)
    # Not ``owner``: Wagtail's Page already has that field (the person who created the page).
    document_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dokumenteier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_unit = models.ForeignKey(
        "people.OrgUnit",
        verbose_name=_("eierenhet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkjent av"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version_major = models.PositiveIntegerField(_("hovedversjon"), default=0, editable=False)
    version_minor = models.PositiveIntegerField(_("underversjon"), default=0, editable=False)
    effective_date = models.DateField(
        _("gjelder fra"),
        null=True,
        blank=True,
        help_text=_("Tom: datoen versjonen publiseres."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("revisjonsintervall (måneder)"), default=12
    )
    next_review_date = models.DateField(
        _("neste revisjon"),
        null=True,
        blank=True,
        help_text=_("Settes ved publisering til «gjelder fra» pluss revisjonsintervallet."),
    )
    document_status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.CURRENT
    )
    required_for_units = ParentalManyToManyField(
        "people.OrgUnit",
        verbose_name=_("påkrevd lesing for"),
        blank=True,
        related_name="+",
        help_text=_("Alle i disse enhetene (med underenheter) må bekrefte «lest og forstått»."),
    )

    objects = ControlledPageManager()
    base_form_class = ControlledPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("change_summary"),
        FieldPanel("body"),
    ]
    control_panels = [
        MultiFieldPanel(
            [FieldPanel("document_owner"), FieldPanel("owner_unit")], heading=_("Eierskap")
        ),
        MultiFieldPanel(
            [
                FieldPanel("effective_date"),
                FieldPanel("review_interval_months"),
                FieldPanel("next_review_date"),
                FieldPanel("document_status"),
            ],
            heading=_("Gyldighet og revisjon"),
        ),
        FieldPanel("required_for_units"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innhold")),
            ObjectList(control_panels, heading=_("Dokumentstyring")),
            ObjectList(Page.promote_panels, heading=_("Adresse og søk")),
            ObjectList(Page.settings_panels, heading=_("Innstillinger")),
        ]
    )

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Wagtail fills an empty slug from the title with Django's slugify, which drops æ and
        # ø; give it the title spelled out in ASCII instead (it still de-duplicates).
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.slug and self.title and parent_is_known:
            base = ascii_slug(self.title)
            if base:
                self.slug = self._get_autogenerated_slug(base)
        return super().full_clean(*args, **kwargs)

    @property
    def version_label(self) -> str:
        if not self.version_major:
            return str(_("utkast"))
        return f"{self.version_major}.{self.version_minor}"

    @property
    def is_withdrawn(self) -> bool:
        return self.document_status == DocumentStatus.WITHDRAWN

    def review_is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.next_review_date and self.next_review_date < today)

    def sections(self) -> list[dict]:
        """The body cut at section headings: for the table of contents and hearing comments.

        Content before the first heading is the introduction (section id ``intro``).
        Section ids are the heading blocks' ids, stable from version to version.
        """
        result = [{"id": "intro", "title": str(_("Innledning")), "anchor": "", "blocks": []}]
        seen = set()
        for block in self.body:
            if block.block_type == "heading":
                anchor = heading_anchor(str(block.value), block.id)
                while anchor in seen:
                    anchor += "-2"
                seen.add(anchor)
                result.append(
                    {"id": block.id, "title": str(block.value), "anchor": anchor, "blocks": []}
                )
            else:
                result[-1]["blocks"].append(block)
        if not result[0]["blocks"]:
            result.pop(0)
        return result

    def plain_text_paragraphs(self) -> list[str]:
        """What a reader sees, block by block, as text (for word-level diffs)."""
        return [self.title, *(block_text(b) for b in self.body)]

    def diff_paragraphs(self) -> list[tuple[str, str]]:
        """``plain_text_paragraphs`` with each block's element, so a diff keeps headings."""
        return [
            ("h2", self.title),
            *(("h3" if b.block_type == "heading" else "p", block_text(b)) for b in self.body),
        ]

    # What a reader's page shows beyond the page itself (contents, versions, required
    # reading) is decided above the access layer, in handbook.views; start-up wires it in
    # (handbook.apps), so this model never imports the layers above it.
    reader_context: Callable[..., dict] = staticmethod(lambda request, page: {})

    def get_context(self, request, *args, **kwargs):
        extra = self.reader_context(request, self)
        return {**super().get_context(request, *args, **kwargs), **extra}


class ChapterPage(ControlledPage):
    """A chapter (kapittel): an introduction and the pages that belong to it."""

    parent_page_types = ["handbook.HandbookIndexPage"]
    subpage_types = ["handbook.HandbookPage"]
    template = "handbook/chapter_page.html"

    class Meta:
        verbose_name = _("kapittel")
        verbose_name_plural = _("kapitler")


class HandbookPage(ControlledPage):
    """A page in the handbook: a routine, a procedure, a guideline."""

    parent_page_types = ["handbook.ChapterPage"]
    subpage_types: list[str] = []
    template = "handbook/handbook_page.html"

    class Meta:
        verbose_name = _("håndbokside")
        verbose_name_plural = _("håndboksider")
