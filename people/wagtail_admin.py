"""Administrators manage people in Wagtail's user admin, with Fagrom's real-name fields.

Wagtail's user forms only know Django's standard fields; these subclasses add
full name, workplace and title, hide the org-unit mirror groups (they follow
the person's unit and are never ticked by hand) and re-sync them after saving.
"""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_user_views
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from fagrom.admin_deletes import ReferencedDeleteRefusedMixin

from . import services
from .models import OrgUnit

PERSON_FIELDS = ("full_name", "org_unit", "title", "directory_managed")


class _PersonFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("path")
        self.fields["org_unit"].label_from_instance = lambda u: "\u2003" * (u.depth - 1) + u.name
        if "groups" in self.fields:
            self.fields["groups"].queryset = Group.objects.filter(
                org_unit__isnull=True, org_unit_direct__isnull=True
            ).order_by("name")

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            services.person_sync_unit_groups(user=user)
        return user

    def _save_m2m(self):
        super()._save_m2m()
        services.person_sync_unit_groups(user=self.instance)


class PersonCreationForm(_PersonFieldsMixin, UserCreationForm):
    full_name = forms.CharField(label=_("Fullt navn"), max_length=200, required=False)

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PERSON_FIELDS)


class PersonEditForm(_PersonFieldsMixin, UserEditForm):
    full_name = forms.CharField(label=_("Fullt navn"), max_length=200, required=False)

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PERSON_FIELDS)


class PersonDeleteView(ReferencedDeleteRefusedMixin, wagtail_user_views.DeleteView):
    """Someone who wrote, moderated or was logged is deactivated, never deleted."""


class UserViewSet(WagtailUserViewSet):
    delete_view_class = PersonDeleteView

    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
