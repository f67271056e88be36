import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from .frontpage import front_page_html


@login_required
def home(request):
    """The front page: what is new for the person, and the panels of their roles.

    Its content is rendered once per generation (``front_page_html``); the frame around it
    (menu, language, messages) per request.
    """
    return render(request, "home.html", {"front_html": front_page_html(request)})


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


@requires_csrf_token
def bad_request(request, exception=None):
    """``handler400``: JSON under /api/ (the schema's error shape), the 400 page elsewhere.

    A body past ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (``RequestDataTooBig``) ends here
    before the API could answer it.
    """
    if isinstance(exception, RequestDataTooBig):
        message = _("Forespørselen er for stor. Største tillatte størrelse er %(max)s.") % {
            "max": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        }
    elif isinstance(exception, TooManyFieldsSent):
        message = _("Forespørselen har for mange felter.")
    else:
        message = _("Forespørselen kunne ikke behandles. Gå tilbake og prøv igjen.")
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400)
    try:
        return render(request, "400.html", {"message": message}, status=400)
    except Exception:  # noqa: BLE001 - the page needs the session; the plain answer does not
        return HttpResponseBadRequest(message)
