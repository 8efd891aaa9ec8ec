"""The site as `make run` serves it, static files included (no collectstatic in tests), for the
fault tests' server processes: `daphne tests.faults.asgi:application`."""

from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

from matchcentre.asgi import application as site

application = ASGIStaticFilesHandler(site)
