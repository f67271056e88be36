"""Wagtail's privacy dialog for handbook pages, with unit names instead of group machine names.

Unit groups are called ``unit:NAV-SANDNES`` and ``unit-direct:NAV-SANDNES`` (kept in step
with the OrgUnit tree by ``people.services``); editors choose "NAV Sandnes (med
underenheter)" and "NAV Sandnes (bare enheten)", indented by the tree, other groups first.
"""

from django.contrib.auth.models import Group
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.viewsets.pages import PageViewSet

from people.models import OrgUnit

INDENT = "\u2003"  # an em space per level: the dialog's labels are plain text


def group_labels() -> dict[int, str]:
    """{group id: what an editor reads} for every unit group, in one query."""
    labels = {}
    for unit in OrgUnit.objects.only("name", "depth", "group_id", "direct_group_id"):
        indent = INDENT * (unit.depth - 1)
        if unit.group_id:
            labels[unit.group_id] = indent + _("%(unit)s (med underenheter)") % {"unit": unit.name}
        if unit.direct_group_id:
            labels[unit.direct_group_id] = indent + _("%(unit)s (bare enheten)") % {
                "unit": unit.name
            }
    return labels


def groups_in_tree_order():
    unit_path = OrgUnit.objects.filter(
        Q(group_id=OuterRef("pk")) | Q(direct_group_id=OuterRef("pk"))
    ).values("path")[:1]
    # Plain groups (Håndbokredaktører, HR …) sort first with the empty path; within a unit
    # "unit:" (with sub-units) comes before "unit-direct:".
    return Group.objects.annotate(unit_path=Coalesce(Subquery(unit_path), Value(""))).order_by(
        "unit_path", "name"
    )


class HandbookPrivacyForm(PageViewRestrictionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = group_labels()
        field = self.fields["groups"]
        field.queryset = groups_in_tree_order()
        field.label_from_instance = lambda group: labels.get(group.pk, group.name)


class HandbookSetPrivacyView(SetPrivacyView):
    form_class = HandbookPrivacyForm


class HandbookPageViewSet(PageViewSet):
    set_privacy_view_class = HandbookSetPrivacyView
