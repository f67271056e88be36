"""The records officers' action shape, once: a service call whose ``ArchiveError`` is
shown to the officer in Norwegian (never a 500), and whose success is said in a message.

Two places an error can go, so two helpers: a page that shows its form again puts the
error on the form (``on_form``); a button that only posts and goes back says it in a
message (``on_button``). Both return whether the action was done, so the view decides
where to go next.
"""

from __future__ import annotations

from django.contrib import messages

from ..services import ArchiveError


def on_form(request, form, act, *, done) -> bool:
    """When the POSTed ``form`` is valid, run ``act(**form.cleaned_data)``; an
    ``ArchiveError`` goes onto the form (the page is shown again), success into ``done``."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        act(**form.cleaned_data)
    except ArchiveError as exc:
        form.add_error(None, exc.message)
        return False
    messages.success(request, done)
    return True


def on_button(request, act, *, done, form=None) -> bool:
    """Run ``act`` (with the cleaned data of ``form``, if there is one); an invalid form
    says its ``invalid_message``, an ``ArchiveError`` its message, success ``done``: all as
    messages. A form without ``invalid_message`` says nothing (its page shows its errors)."""
    if form is not None and not form.is_valid():
        if getattr(form, "invalid_message", None):
            messages.error(request, form.invalid_message)
        return False
    try:
        act(**(form.cleaned_data if form is not None else {}))
    except ArchiveError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, done)
    return True
