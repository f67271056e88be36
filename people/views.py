from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

import access
from forum.profiles import expertise_for

from . import services
from .auth import device_cookie_set
from .forms import ApiTokenForm, IdentityCorrectionForm, LoginForm, ProfileForm
from .middleware import language_remember
from .models import IdentityCorrection, IdentityLogEntry, User
from .services.identity import IdentityError


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


def _identity_attempts(request) -> dict[str, str]:
    """Identity fields in the POST that would change something: these are refused and logged."""
    user = request.user
    current = {
        "full_name": user.full_name,
        "org_unit": str(user.org_unit_id or ""),
        "org_unit_id": str(user.org_unit_id or ""),
    }
    attempts = {}
    for name in ProfileForm.IDENTITY_FIELDS:
        if name not in request.POST:
            continue
        value = " ".join(request.POST.getlist(name))
        if value.strip() and value.strip() != current.get(name, ""):
            attempts[name] = value
    return attempts


@login_required
def profile_edit(request):
    user = request.user
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        initial={"title": user.title, "language": user.language},
    )
    if request.method == "POST":
        if attempts := _identity_attempts(request):
            services.identity_attempt_refused(
                person=user, source=IdentityLogEntry.Source.PROFILE, attempted=attempts
            )
            messages.warning(
                request,
                _(
                    "Navn og arbeidssted kan ikke endres her. De kommer fra virksomhetens "
                    "katalog eller en administrator; be om en rettelse nedenfor."
                ),
            )
        if form.is_valid():
            services.profile_update(user=user, **form.cleaned_data)
            language_remember(request, user.language)
            messages.success(request, _("Profilen din er oppdatert."))
            return redirect(user)
    return render(
        request,
        "people/profile_edit.html",
        _profile_edit_context(user, form=form),
        status=400 if form.is_bound else 200,
    )


def _profile_edit_context(user, *, form, correction_form=None):
    return {
        "form": form,
        "correction_form": correction_form or IdentityCorrectionForm(),
        "pending_corrections": user.identity_corrections.filter(
            state=IdentityCorrection.State.PENDING
        ).select_related("org_unit"),
    }


@login_required
def identity_correction_new(request):
    """Ask the administrators to correct one's name or workplace (POST from the profile page)."""
    user = request.user
    form = IdentityCorrectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.identity_correction_request(
            person=user, full_name=data["full_name"], unit=data["org_unit"], message=data["message"]
        )
        messages.success(
            request,
            _(
                "Forespørselen er sendt til administratorene. Navn og arbeidssted endres "
                "først når en administrator har godkjent den."
            ),
        )
        return redirect("people:profile_edit")
    profile_form = ProfileForm(initial={"title": user.title, "language": user.language})
    return render(
        request,
        "people/profile_edit.html",
        _profile_edit_context(user, form=profile_form, correction_form=form),
        status=400 if form.is_bound else 200,
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

    def form_valid(self, form):
        response = super().form_valid(form)
        # This browser now counts as the person's own: strangers' guessing won't slow it.
        device_cookie_set(response, form.get_user().get_username())
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 429 if form.throttled else 400
        if form.throttled:
            response["Retry-After"] = str(form.wait_seconds)
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
            language_remember(request, language)
    return response


# Administrators: the identity log and correction requests (in the Wagtail admin) -----


def _check_administrator(request):
    if not access.is_administrator(request.user):
        raise PermissionDenied(_("Identitetsloggen er for administratorer."))


def identity_log(request):
    _check_administrator(request)
    entries = IdentityLogEntry.objects.select_related("person", "actor")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        entries = entries.filter(
            Q(person__full_name__icontains=query) | Q(person__username__icontains=query)
        )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    pending = IdentityCorrection.objects.filter(
        state=IdentityCorrection.State.PENDING
    ).select_related("person__org_unit", "org_unit")
    return render(
        request,
        "people/admin/identity_log.html",
        {"page_obj": page, "pending": pending, "q": query},
    )


@require_POST
def identity_correction_admin_decide(request, correction_id):
    _check_administrator(request)
    correction = get_object_or_404(IdentityCorrection, pk=correction_id)
    approve = request.POST.get("decision") == "approve"
    try:
        services.identity_correction_decide(
            correction=correction,
            by=request.user,
            approve=approve,
            note=request.POST.get("note", "")[:2000],
        )
    except IdentityError:
        messages.error(
            request,
            _(
                "Rettelsen kan ikke avgjøres: den er allerede avgjort, eller den gjelder deg selv "
                "(da må en annen administrator gjøre det)."
            ),
        )
    else:
        messages.success(
            request,
            _("Rettelsen er godkjent og gjennomført.") if approve else _("Rettelsen er avslått."),
        )
    return redirect("people_identity_log")
