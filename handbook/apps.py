from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "handbook"
    verbose_name = _("Kvalitetshåndbok")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from access.handbook import (
            approvable_handbook_page_ids,
            can_approve_handbook_page,
            can_lock_handbook_page,
            can_unlock_handbook_page,
            self_approval_refusal,
        )

        from . import views
        from .models import ControlledPage, HandbookApprovalTask, HandbookIndexPage

        # Wagtail asks page and task models what to show and who may approve; models may
        # not import the layers above them, so start-up hands them those layers' answers.
        HandbookApprovalTask.approval_rule = staticmethod(can_approve_handbook_page)
        HandbookApprovalTask.approvable_page_ids = staticmethod(approvable_handbook_page_ids)
        HandbookApprovalTask.self_approval_refusal = staticmethod(self_approval_refusal)
        HandbookIndexPage.reader_context = staticmethod(views.index_context)
        ControlledPage.reader_context = staticmethod(views.page_context)
        for model in (ControlledPage, HandbookIndexPage):
            model.lock_rule = staticmethod(can_lock_handbook_page)
            model.unlock_rule = staticmethod(can_unlock_handbook_page)

        from .models import ControlledPage
        from .services import page_search_refresh, version_record_publish

        def number_the_version(sender, instance, revision, **kwargs):
            # The one integration point: Wagtail publishes from its editor, workflows
            # and schedules; every publish of a controlled page gets its version here.
            version_record_publish(page=instance, revision=revision)

        page_published.connect(
            number_the_version, dispatch_uid="handbook_version_on_publish", weak=False
        )

        def leave_the_index(sender, instance, **kwargs):
            # Unpublishing (from the editor, on expiry, or before a delete) takes the
            # page and the pages below it out of search.
            if isinstance(instance, ControlledPage):
                page_search_refresh(page=instance)

        page_unpublished.connect(
            leave_the_index, dispatch_uid="handbook_search_on_unpublish", weak=False
        )

        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction

        def follow_the_privacy(sender, instance, **kwargs):
            # Wagtail's "Privacy" modal (wagtailadmin_pages:set_privacy) saves or deletes
            # a PageViewRestriction and sends no signal or hook of its own. Who may find
            # the page and the pages below it changes: re-index them (after the commit).
            # A restriction's groups are not in the index (access decides per
            # request who passes), so changing only the groups needs no re-index.
            page = Page.objects.filter(pk=instance.page_id).first()
            if page is not None:
                page_search_refresh(page=page)

        post_save.connect(
            follow_the_privacy,
            sender=PageViewRestriction,
            dispatch_uid="handbook_search_on_privacy_save",
            weak=False,
        )
        post_delete.connect(
            follow_the_privacy,
            sender=PageViewRestriction,
            dispatch_uid="handbook_search_on_privacy_delete",
            weak=False,
        )
