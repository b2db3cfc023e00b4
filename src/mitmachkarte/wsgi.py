import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: without a strong SECRET_KEY (DEBUG off) no worker boots.
from mitmachkarte.core.checks import refuse_weak_secret_key  # noqa: E402

refuse_weak_secret_key()
