"""The profile's language comes from the session: a request that needs nothing else of the person does not load them."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from people.middleware import LANGUAGE_SESSION_KEY, UserLanguageMiddleware, language_remember


def _middleware():
    return UserLanguageMiddleware(lambda request: HttpResponse(translation.get_language()))


def _request(rf, user_id, user):
    request = rf.get("/")
    request.session = SessionStore()
    request.session[SESSION_KEY] = str(user_id)
    request.user = user
    return request


def _unloadable():
    return SimpleLazyObject(lambda: pytest.fail("the middleware loaded the user"))


def test_a_remembered_language_is_used_without_loading_the_user(rf, case_worker):
    request = _request(rf, case_worker.pk, _unloadable())
    language_remember(request, "en")
    with translation.override("nb"):
        assert _middleware()(request).content == b"en"


def test_a_language_remembered_for_someone_else_is_not_used(rf, case_worker, colleague):
    case_worker.language = "nb"
    request = _request(rf, case_worker.pk, case_worker)
    request.session[LANGUAGE_SESSION_KEY] = [str(colleague.pk), "en"]
    with translation.override("nb"):
        assert _middleware()(request).content == b"nb"
    assert request.session[LANGUAGE_SESSION_KEY] == [str(case_worker.pk), "nb"]


def test_logging_in_remembers_the_profiles_language(client, case_worker):
    case_worker.language = "en"
    case_worker.save(update_fields=["language"])
    client.force_login(case_worker)
    assert client.session[LANGUAGE_SESSION_KEY] == [str(case_worker.pk), "en"]
