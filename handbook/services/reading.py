"""«Lest og forstått»: required reading for org units, confirmed per version."""

import csv

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.log_actions import log

import access
from fagrom.spreadsheet import csv_row, xlsx_bytes
from people.models import OrgUnit, User

from ..models import ControlledPage, HandbookPage, PageVersion, ReadConfirmation


def reading_required_for(*, page: ControlledPage, user, units=None) -> bool:
    """Does ``page`` ask ``user`` to confirm it (they work in a target unit or below)?"""
    if not user.is_authenticated or not user.org_unit_id:
        return False
    units = list(page.required_for_units.all()) if units is None else units
    path = user.org_unit.path
    return any(path.startswith(unit.path) for unit in units)


def readings_unconfirmed_for(user) -> list:
    """Required pages the person has not confirmed in their current major version.

    Two queries: the live pages required for the person's unit or a unit above it
    (the unit's materialised path gives the ancestors) that the person may read, then
    their confirmations (and, once per request, the pages' privacy in ``access``).
    """
    if not getattr(user, "is_authenticated", False) or not user.org_unit_id:
        return []
    path = user.org_unit.path
    steplen = OrgUnit.steplen
    paths = [path[:i] for i in range(steplen, len(path) + 1, steplen)]
    pages = list(
        HandbookPage.objects.live()
        .filter(access.handbook_pages_q(user), required_for_units__path__in=paths)
        .distinct()
        .only("id", "title", "url_path", "version_major", "version_minor", "path", "depth")
        .order_by("path")
    )
    confirmed = set(
        ReadConfirmation.objects.filter(user=user, page_id__in=[p.pk for p in pages]).values_list(
            "page_id", "major"
        )
    )
    return [p for p in pages if (p.pk, p.version_major) not in confirmed]


def confirmation_latest(*, page, user) -> ReadConfirmation | None:
    return (
        ReadConfirmation.objects.filter(page_id=page.pk, user=user)
        .order_by("-major", "-minor")
        .first()
    )


@transaction.atomic
def reading_confirm(*, page: ControlledPage, user) -> ReadConfirmation:
    """The reader confirms the current version (idempotent)."""
    if not access.can_confirm_reading(user, page):
        raise access.AccessDenied(gettext("Siden har ingen publisert versjon å bekrefte."))
    version = PageVersion.objects.get(
        page_id=page.pk, major=page.version_major, minor=page.version_minor
    )
    existing = ReadConfirmation.objects.filter(
        page_id=page.pk, user=user, major=version.major, minor=version.minor
    ).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            confirmation = ReadConfirmation.objects.create(
                page_id=page.pk,
                user=user,
                version=version,
                major=version.major,
                minor=version.minor,
            )
    except IntegrityError:  # a double click
        return ReadConfirmation.objects.get(
            page_id=page.pk, user=user, major=version.major, minor=version.minor
        )
    log(instance=page, action="handbook.confirm", user=user, data={"version": version.label})
    return confirmation


def _target_people(units, page):
    """Active people in ``units`` or below who may read ``page`` (its privacy may narrow it)."""
    if not units:
        return User.objects.none()
    q = Q()
    for unit in units:
        q |= Q(org_unit__path__startswith=unit.path)
    return (
        access.users_who_can_read_handbook_page(page)
        .filter(q, is_active=True)
        .select_related("org_unit")
    )


def reading_status(*, page: ControlledPage) -> dict:
    """Who in the target units has confirmed the current major version, and who has not.

    A confirmation of any minor version of the current major version counts:
    a new major version asks everyone again. People the page's privacy keeps out are
    not asked (they cannot open it).
    """
    units: list[OrgUnit] = list(page.required_for_units.all())
    people = list(_target_people(units, page).order_by("full_name", "username"))
    confirmed = dict(
        ReadConfirmation.objects.filter(
            page_id=page.pk, major=page.version_major, user__in=[p.pk for p in people]
        )
        .order_by("user_id", "minor")
        .values_list("user_id", "confirmed_at")
    )
    return {
        "units": units,
        "confirmed": [(p, confirmed[p.pk]) for p in people if p.pk in confirmed],
        "missing": [p for p in people if p.pk not in confirmed],
    }


def reading_report(*, page: ControlledPage) -> list[dict]:
    """``reading_status`` per unit, with subtotals: who confirmed and who is missing."""
    status = reading_status(page=page)
    rows: dict[int | None, dict] = {}

    def row(person):
        unit = person.org_unit
        key = unit.pk if unit else None
        if key not in rows:
            rows[key] = {"unit": unit, "confirmed": [], "missing": []}
        return rows[key]

    for person, when in status["confirmed"]:
        row(person)["confirmed"].append((person, when))
    for person in status["missing"]:
        row(person)["missing"].append(person)
    ordered = sorted(rows.values(), key=lambda r: r["unit"].path if r["unit"] else "")
    for r in ordered:
        r["total"] = len(r["confirmed"]) + len(r["missing"])
    return ordered


def reading_report_rows(*, page: ControlledPage) -> list[list]:
    """The report as rows (unit, person, status, confirmed at), a sum row per unit.

    The cells are plain values; the CSV and XLSX writers escape them the same way
    (``fagrom.spreadsheet``), so a name that looks like a formula stays text.
    """
    rows = [[gettext("Enhet"), gettext("Navn"), gettext("Status"), gettext("Bekreftet")]]
    for r in reading_report(page=page):
        unit = r["unit"].name if r["unit"] else ""
        for person, when in r["confirmed"]:
            rows.append(
                [
                    unit,
                    person.get_full_name(),
                    gettext("bekreftet"),
                    timezone.localtime(when).isoformat(timespec="minutes"),
                ]
            )
        for person in r["missing"]:
            rows.append([unit, person.get_full_name(), gettext("mangler"), ""])
        rows.append([unit, gettext("Sum"), f"{len(r['confirmed'])}/{r['total']}", ""])
    return rows


def reading_report_csv(*, page: ControlledPage, out) -> None:
    """The report as CSV into ``out``."""
    writer = csv.writer(out)
    for row in reading_report_rows(page=page):
        writer.writerow(csv_row(row))


def reading_report_xlsx(*, page: ControlledPage) -> bytes:
    """The report as an Excel workbook (the same rows as the CSV)."""
    return xlsx_bytes(reading_report_rows(page=page), title=gettext("Lest og forstått"))


def reading_reminders_send(*, page: ControlledPage, by) -> int:
    """E-mail everyone still missing a confirmation of the current major version."""
    if not access.can_see_confirmations(by, page):
        raise access.AccessDenied(gettext("Bare dokumenteieren og håndbokredaktører kan purre."))
    missing = [p for p in reading_status(page=page)["missing"] if p.email]
    messages = []
    for person in missing:
        with translation.override(person.language or settings.LANGUAGE_CODE):
            subject = gettext("Påminnelse: les og bekreft «%(title)s»") % {"title": page.title}
            body = gettext(
                "Siden «%(title)s» i kvalitetshåndboken er påkrevd lesning for enheten din, "
                "og du har ikke bekreftet versjon %(version)s ennå: %(url)s"
            ) % {
                "title": page.title,
                "version": page.version_label,
                "url": settings.SITE_URL + page.url,
            }
        messages.append(mail.EmailMessage(subject=subject, body=body, to=[person.email]))
    if messages:
        mail.get_connection().send_messages(messages)
    log(
        instance=page,
        action="handbook.reading_reminder",
        user=by,
        data={"recipients": len(messages), "version": page.version_label},
    )
    return len(messages)
