from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

import access
from forum.profiles import expertise_for

from . import services
from .forms import ApiTokenForm, LoginForm, ProfileForm
from .models import User


@login_required
def profile(request, username):
    person = get_object_or_404(
        User.objects.select_related("org_unit"), username=username, is_active=True
    )
    expertise = expertise_for(person=person, viewer=request.user)
    return render(
        request,
        "people/profile.html",
        {
            "person": person,
            "expertise": expertise,
            "recent_posts": expertise.recent_posts,
            "moderated_topics": access.topics_visible_to(request.user)
            .filter(moderators=person)
            .select_related("room"),
        },
    )


@login_required
def profile_edit(request):
    user = request.user
    initial = {
        "full_name": user.full_name,
        "org_unit": user.org_unit,
        "title": user.title,
        "language": user.language,
    }
    form = ProfileForm(
        request.POST if request.method == "POST" else None, initial=initial, user=user
    )
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Profilen din er oppdatert."))
        return redirect(user)
    return render(
        request, "people/profile_edit.html", {"form": form}, status=400 if form.is_bound else 200
    )


@login_required
def api_tokens(request):
    """A person's own API tokens: create one (its key is shown once), see and revoke them."""
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.api_token_create(
            user=request.user, name=form.cleaned_data["name"]
        )
        form = ApiTokenForm()
    status = 400 if form.is_bound and form.errors else 200
    response = render(
        request,
        "people/api_tokens.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": request.user.personal_api_tokens.all(),
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"  # the new key must not linger in any cache
    return response


@login_required
@require_POST
def api_token_revoke(request, token_id):
    token = get_object_or_404(request.user.personal_api_tokens, pk=token_id)
    services.api_token_revoke(token=token, by=request.user)
    messages.success(request, _("API-nøkkelen «%(name)s» er tilbakekalt.") % {"name": token.name})
    return redirect("people:api_tokens")


class LoginView(auth_views.LoginView):
    """Local login and, when configured, the button for the agency's single sign-on."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            oidc_enabled=settings.OIDC_ENABLED,
            local_login_enabled=settings.LOCAL_LOGIN_ENABLED,
            **kwargs,
        )

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 429 if form.throttled else 400
        return response


def language_set(request):
    """The footer's language switch: Django's ``set_language`` plus the person's profile.

    Django's view only remembers the choice in a cookie, and for a logged-in person
    the profile's language wins over the cookie (``UserLanguageMiddleware``), so
    without saving it there the switch would do nothing once logged in.
    """
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated:
        if language in dict(settings.LANGUAGES):
            services.user_language_set(user=request.user, language=language)
    return response
