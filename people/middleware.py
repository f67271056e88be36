from django.contrib.auth import SESSION_KEY
from django.utils import translation

# The profile's language, remembered in the session with the id of the person it belongs to.
LANGUAGE_SESSION_KEY = "fagrom_language"


def language_remember(request, language: str) -> None:
    """Remember ``language`` (a code or "") as the logged-in person's choice in their session."""
    request.session[LANGUAGE_SESSION_KEY] = [request.session.get(SESSION_KEY), language or ""]


def language_remember_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        language_remember(request, user.language)


class UserLanguageMiddleware:
    """Use the language a logged-in person chose on their profile.

    LocaleMiddleware has already picked a language from the session cookie or
    the browser; a person's own choice wins over both. The choice is read from
    the session, so a request that needs nothing else of the person does not
    load them: the profile is read once per session (and the session updated
    when the person changes it, ``language_remember``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        user_id = session.get(SESSION_KEY) if session is not None else None
        if user_id is not None:
            remembered = session.get(LANGUAGE_SESSION_KEY)
            if remembered and remembered[0] == user_id:
                language = remembered[1]
            else:
                user = request.user
                language = user.language if user.is_authenticated else ""
                if user.is_authenticated:
                    language_remember(request, language)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
