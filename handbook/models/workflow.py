"""The approval step of the handbook workflow.

Wagtail's group approval cannot say "this page's owner", so the handbook has
its own task: the page's owner or a handbook editor approves or rejects, with
a comment, and decides whether the change is a new major version.

Who may approve is the access layer's decision (``access.handbook``). Wagtail asks the
task itself, so start-up hands the task the access layer's rule
(``handbook.apps.HandbookConfig.ready``) and this model never imports the layer above it.
"""

from collections.abc import Callable

from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class HandbookApprovalTaskState(TaskState):
    major = models.BooleanField(_("ny hovedversjon"), default=False)

    class Meta:
        verbose_name = _("godkjenning i håndboken")
        verbose_name_plural = _("godkjenninger i håndboken")


class HandbookApprovalTask(Task):
    task_state_class = HandbookApprovalTaskState

    class Meta:
        verbose_name = _("godkjenning av dokumenteier eller redaktør")
        verbose_name_plural = _("godkjenninger av dokumenteier eller redaktør")

    # Set at start-up (handbook.apps) from the access layer; until then nobody approves.
    approval_rule: Callable[..., bool] = staticmethod(lambda user, page: False)
    # Ids (as text) of the pages whose changes ``user`` approves; None means every page.
    approvable_page_ids: Callable[..., list[str] | None] = staticmethod(lambda user: [])
    # Four eyes: why ``user`` may not approve this change (they wrote it), or "".
    self_approval_refusal: Callable[..., str] = staticmethod(lambda user, page: "")

    @classmethod
    def _may_approve(cls, obj, user) -> bool:
        return cls.approval_rule(user, obj)

    def user_can_access_editor(self, obj, user):
        return self._may_approve(obj, user)

    def locked_for_user(self, obj, user):
        # While a change is in review only the approvers edit, so nobody's work is overwritten.
        return not self._may_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_approve(obj, user)

    def get_actions(self, obj, user):
        if not self._may_approve(obj, user):
            return []
        return [
            ("reject", _("Avvis med kommentar"), True),
            ("approve", _("Godkjenn (ny underversjon)"), True),
            ("approve_major", _("Godkjenn som ny hovedversjon"), True),
        ]

    def get_form_for_action(self, action):
        from ..forms import ApprovalCommentForm, RejectionCommentForm

        return RejectionCommentForm if action == "reject" else ApprovalCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name in ("approve", "approve_major"):
            page = task_state.workflow_state.content_object
            if self.self_approval_refusal(user, page):
                # Nothing is approved. Wagtail turns a PermissionDenied into a generic
                # message, so the person is sent to a page that says why instead.
                return reverse("handbook:self_approval_refused", args=[page.pk])
        if action_name == "approve_major":
            state = task_state.specific
            state.major = True
            state.approve(user=user, **kwargs)
            return None  # Wagtail reads a return value as the URL to redirect to
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        # Nobody's own submissions wait in their review queue.
        states = states.exclude(workflow_state__requested_by=user)
        page_ids = self.approvable_page_ids(user)
        if page_ids is None:
            return states
        return states.filter(workflow_state__object_id__in=page_ids)

    @classmethod
    def get_description(cls):
        return _("Sidens dokumenteier eller en håndbokredaktør godkjenner eller avviser endringen.")
