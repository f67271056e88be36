"""Administrators manage people in Wagtail's user admin, with Fagrom's real-name fields.

Wagtail's user forms only know Django's standard fields; these subclasses add
full name, workplace and title, hide the org-unit mirror groups (they follow
the person's unit and are never ticked by hand) and re-sync them after saving.
Full name and workplace are not saved by the model form: they go through
``services.identity_change`` with the administrator and a reason, so the change
is in the identity log like one from the directory.
"""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views
from wagtail.users.views.users import CreateView as WagtailCreateView
from wagtail.users.views.users import EditView as WagtailEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from fagrom.admin_deletes import ReferencedDeleteRefusedMixin

from . import services
from .models import IdentityLogEntry, OrgUnit

PERSON_FIELDS = ("title", "directory_managed")


class _PersonFieldsMixin:
    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("path")
        self.fields["org_unit"].label_from_instance = lambda u: "\u2003" * (u.depth - 1) + u.name
        if self.instance.pk:
            self.fields["full_name"].initial = self.instance.full_name
            self.fields["org_unit"].initial = self.instance.org_unit_id
        if "groups" in self.fields:
            self.fields["groups"].queryset = Group.objects.filter(
                org_unit__isnull=True, org_unit_direct__isnull=True
            ).order_by("name")

    def _identity_changed(self) -> bool:
        data = self.cleaned_data
        name = " ".join((data.get("full_name") or "").split())
        unit = data.get("org_unit")
        return name != self.instance.full_name or (unit.pk if unit else None) != (
            self.instance.org_unit_id
        )

    def clean(self):
        data = super().clean()
        if self.instance.pk and self._identity_changed() and not data.get("identity_reason"):
            self.add_error(
                "identity_reason",
                pgettext_lazy("form error", "Skriv hvorfor navn eller arbeidssted endres."),
            )
        return data

    def save(self, commit=True):
        # The model form must not write these two; remember what was asked for.
        data = self.cleaned_data
        user = super().save(commit=commit)
        if commit:
            services.identity_change(
                person=user,
                by=self.acting_user,
                source=IdentityLogEntry.Source.ADMIN,
                reason=data.get("identity_reason") or str(_("Opprettet av administrator")),
                full_name=data.get("full_name") or "",
                unit=data.get("org_unit"),
            )
            services.person_sync_unit_groups(user=user)
        return user

    def _save_m2m(self):
        super()._save_m2m()
        services.person_sync_unit_groups(user=self.instance)


def _full_name_field():
    return forms.CharField(label=_("Fullt navn"), max_length=200, required=False)


def _org_unit_field():
    return forms.ModelChoiceField(
        label=_("Arbeidssted"), queryset=OrgUnit.objects.order_by("path"), required=False
    )


def _reason_field():
    return forms.CharField(
        label=_("Begrunnelse for endring av navn eller arbeidssted"),
        max_length=500,
        required=False,
        help_text=_("Står i identitetsloggen sammen med ditt navn."),
    )


class PersonCreationForm(_PersonFieldsMixin, UserCreationForm):
    full_name = _full_name_field()
    org_unit = _org_unit_field()
    identity_reason = _reason_field()

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PERSON_FIELDS)


class PersonEditForm(_PersonFieldsMixin, UserEditForm):
    full_name = _full_name_field()
    org_unit = _org_unit_field()
    identity_reason = _reason_field()

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PERSON_FIELDS)


class _ActingUserMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class CreateView(_ActingUserMixin, WagtailCreateView):
    pass


class EditView(_ActingUserMixin, WagtailEditView):
    pass


class PersonDeleteView(ReferencedDeleteRefusedMixin, wagtail_user_views.DeleteView):
    """Someone who wrote, moderated or was logged is deactivated, never deleted."""


class UserViewSet(WagtailUserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = PersonDeleteView

    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
