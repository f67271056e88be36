import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
application = get_wsgi_application()

from fagrom.checks import fail_fast  # noqa: E402 (needs the apps loaded)

fail_fast()
