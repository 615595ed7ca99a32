import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Load the URL configuration, and with it every page's code, as the process starts rather than
# on its first request (which would otherwise take about a second longer).
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018
