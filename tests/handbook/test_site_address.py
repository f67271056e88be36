"""Handbook links read outside the site (reminders, Wagtail's workflow e-mails) use ``SITE_URL``."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from handbook.models import HandbookPage
from tests.handbook.factories import handbook_page

SITE = "https://fagrom.etat.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.WAGTAILADMIN_BASE_URL = SITE


def _links(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_review_reminder_links_to_the_site_address(page_owner, handbook_editor, routines):
    page = handbook_page(routines, title="Arkivering", owner=page_owner, publish_by=handbook_editor)
    HandbookPage.objects.filter(pk=page.pk).update(
        next_review_date=timezone.localdate() + datetime.timedelta(days=3)
    )
    call_command("handbook_review_reminders")
    links = _links(mail.outbox[0].body)
    assert SITE + page.url in links
    assert all(link.startswith(SITE + "/") for link in links)


def test_wagtail_page_full_url_uses_the_site_address_not_the_site_record(routines):
    # Wagtail's first migration made the Site "localhost:80"; its workflow e-mails use full_url.
    assert routines.full_url == SITE + routines.url
    assert not routines.url.startswith("http")  # links on the site itself stay relative
