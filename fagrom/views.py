import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from forum.services import threads_recent_for
from people import access


@login_required
def home(request):
    """The front page: what is new where the person has access."""
    return render(
        request,
        "home.html",
        {
            "recent_threads": threads_recent_for(request.user),
            "rooms": access.rooms_visible_to(request.user),
        },
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
