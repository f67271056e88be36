from django.conf import settings


def fagrom(request):
    """Values every page template needs; kept lazy so pages that don't use them pay nothing."""
    return {"SITE_NAME": "Fagrom", "DEBUG": settings.DEBUG}
