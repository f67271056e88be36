from wagtail import hooks

from .admin_deletes import bulk_delete_refused

hooks.register("before_bulk_action", bulk_delete_refused)
