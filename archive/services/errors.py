from django.utils.translation import gettext_lazy as _


class ArchiveError(Exception):
    """A rule of the archive was broken; ``message`` says which, in the user's language."""

    default = _("Handlingen kunne ikke utføres.")

    def __init__(self, message=None):
        self.message = str(message or self.default)
        super().__init__(self.message)
