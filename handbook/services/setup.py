"""The handbook's place in the Wagtail tree, its workflow and who may edit it."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

import access
from people.models import OrgUnit

from ..models import HandbookApprovalTask, HandbookIndexPage

HANDBOOK_SLUG = "handbook"
WORKFLOW_NAME = "Godkjenning i kvalitetshåndboken"
TASK_NAME = "Dokumenteier eller håndbokredaktør godkjenner"
# Every employee writes drafts and submits them (and may lock a page while writing);
# editors also unlock others' locks. Editors keep Wagtail's publish permission because
# Wagtail ties privacy settings and unpublishing to it, but "Publiser" outside the approval
# workflow is for administrators alone (four eyes; ``handbook.wagtail_hooks`` enforces it).
EMPLOYEE_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def handbook_root() -> HandbookIndexPage | None:
    return HandbookIndexPage.objects.first()


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def _admin_access() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _grant(group: Group, root: Page, codenames) -> None:
    group.permissions.add(_admin_access())
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_page_permission(codename)
        )


@transaction.atomic
def handbook_grant_editing(*, units) -> None:
    """Let everyone in ``units`` (and below) edit and submit handbook pages.

    A unit's group holds everyone in the unit or under it, so granting an agency
    is "all employees of the agency".
    """
    root = handbook_root()
    for unit in units:
        if unit.group_id:
            _grant(unit.group, root, EMPLOYEE_PAGE_PERMISSIONS)


@transaction.atomic
def handbook_setup(*, title: str = "Kvalitetshåndbok", editing_units=None) -> HandbookIndexPage:
    """Create (or complete) the handbook at ``/handbook/``. Idempotent.

    ``editing_units`` default to every agency (root unit): all employees may edit
    and submit. Run again (``manage.py handbook_setup``) after adding an agency.
    """
    root = handbook_root()
    if root is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", root_page=Page.get_first_root_node(), is_default_site=True
            )
        root = HandbookIndexPage(title=title, slug=HANDBOOK_SLUG)
        site.root_page.add_child(instance=root)
        root.save_revision().publish()

    task = HandbookApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = HandbookApprovalTask.objects.create(name=TASK_NAME)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})

    editors, _ = Group.objects.get_or_create(name=access.HANDBOOK_EDITORS)
    _grant(editors, root, EDITOR_PAGE_PERMISSIONS)
    administrators, _ = Group.objects.get_or_create(name=access.ADMINISTRATORS)
    _grant(administrators, root, EDITOR_PAGE_PERMISSIONS)

    units = OrgUnit.get_root_nodes() if editing_units is None else editing_units
    handbook_grant_editing(units=units)
    return root
