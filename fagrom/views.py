import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .frontpage import front_page_for


@login_required
def home(request):
    """The front page: what is new for the person, and the panels of their roles."""
    front = front_page_for(request.user, page_number=request.GET.get("page"))
    return render(
        request,
        "home.html",
        {"front": front, "page_obj": front.feed, "page_range": front.feed_page_range},
    )


# Raise when the statement's content is reviewed (at least once a year).
ACCESSIBILITY_STATEMENT_REVIEWED = datetime.date(2026, 11, 24)


def accessibility_statement(request):
    """Tilgjengelighetserklæringen: public, so it can be read before logging in."""
    return render(
        request,
        "accessibility_statement.html",
        {
            "reviewed": ACCESSIBILITY_STATEMENT_REVIEWED,
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        },
    )
