"""MatchCentre settings: one module, every deploy-dependent value from the environment.

Defaults run without any server (SQLite, in-memory channel layer). Set DATABASE_URL for
PostgreSQL and REDIS_URL for the Redis channel layer and cache. Every variable is listed,
with its default, in README.md.
"""

import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY, or DJANGO_DEBUG=1 for a development key.")
    SECRET_KEY = "dev-only-insecure-key-do-not-deploy"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    # django-ninja: the JSON API; listed so that its docs page serves its own Swagger UI files.
    "ninja",
    "fixtures_app",
    "polls",
    "articles",
    "newsletter",
    "feeds",
    "partners",
    "fans",
    # The demo data and its `load_demo` command: nothing in the product imports it.
    "demo",
]

MIDDLEWARE = [
    # First, so that a request's time counts every other middleware too (matchcentre/metrics.py).
    "matchcentre.middleware.RequestLatencyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A body cut short by matchcentre.request_size.RequestSizeLimit (in front of Django) is a 413.
    "matchcentre.request_size.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on every page (the policy: CONTENT_SECURITY_POLICY, at the end).
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A POST the browser says a page of this origin sent (Sec-Fetch-Site) passes the CSRF check
    # below without a token: the cached pages' forms carry none (matchcentre/csrf.py).
    "matchcentre.csrf.SameOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "matchcentre.middleware.ReaderTimezoneMiddleware",
    "matchcentre.middleware.AdminQueryMiddleware",
    # Last, so that it sees the views' exceptions first: the database out of reach answers a 503 page.
    "matchcentre.middleware.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "matchcentre.urls"
ASGI_APPLICATION = "matchcentre.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL connections a pool in each server process may lend; 0 (the default): no pool.
DATABASE_POOL_SIZE = int(os.environ.get("DATABASE_POOL_SIZE", "0"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests that start a server process need a test database file that process can open;
    # one per test run, so that runs side by side do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Each transaction takes SQLite's write lock when it begins (waiting up to its timeout), so a
    # save that reads before it writes is never failed at once by another process writing (the
    # server and a replay, or the webhook worker): "database is locked" otherwise.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Most of a page's query time on PostgreSQL is planning (the match page's joins take ~3 ms
    # to plan, 0.1 ms to run). Parameters bound by the server let psycopg prepare a statement
    # once it has run DATABASE_PREPARE_THRESHOLD times on a connection, and reuse its plan: with
    # the pool below, connections live long enough for that. Empty turns preparing off (behind
    # a pooler in transaction mode, such as PgBouncer's, prepared statements do not work).
    prepare_threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "5")
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=int(prepare_threshold) if prepare_threshold else None
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DATABASE_POOL_SIZE:
    # Under ASGI every request runs in a thread of its own, so a kept connection (CONN_MAX_AGE)
    # is never met again and each page connects anew (several ms): a pool in each server
    # process lends connections instead. Requests past DATABASE_POOL_SIZE wait for one, so a
    # connection a thread never gives back (not closed) holds a place for good.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": DATABASE_POOL_SIZE,
        "timeout": 10,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# No CHANNEL_LAYERS: no live path uses Channels' channel layer. Frames reach sockets through
# live/realtime.py's hub, fed by one Redis subscription per process (docs/ARCHITECTURE.md).
if REDIS_URL:
    # A cache that misses while Redis is out of reach, rather than failing the page (matchcentre/cache.py);
    # short timeouts, so that a Redis that hangs costs a page half a second, not a minute.
    CACHES = {
        "default": {
            "BACKEND": "matchcentre.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Database sessions that read only cookies Django could have made (matchcentre/sessions.py).
SESSION_ENGINE = "matchcentre.sessions"
# Sign-in attempts refused past these rates (django-ratelimit, in the default cache).
SIGNIN_RATE_PER_USERNAME = os.environ.get("MATCHCENTRE_SIGNIN_RATE_PER_USERNAME", "5/m")
SIGNIN_RATE_PER_ADDRESS = os.environ.get("MATCHCENTRE_SIGNIN_RATE_PER_ADDRESS", "30/m")
# Password reset requests refused past these rates (likewise): per email address typed, so that
# nobody can flood a mailbox with reset emails, and per network address.
PASSWORD_RESET_RATE_PER_EMAIL = os.environ.get("MATCHCENTRE_PASSWORD_RESET_RATE_PER_EMAIL", "3/h")
PASSWORD_RESET_RATE_PER_ADDRESS = os.environ.get("MATCHCENTRE_PASSWORD_RESET_RATE_PER_ADDRESS", "20/h")
LOGIN_REDIRECT_URL = "/console/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Kick-offs are shown in the reader's zone when the reader's browser tells us; until then in UK time.
MATCHCENTRE_DEFAULT_READER_TIMEZONE = os.environ.get("MATCHCENTRE_DEFAULT_READER_TIMEZONE", "Europe/London")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files (after collectstatic) in production, the scripts' module imports
        # rewritten to the hashed names (matchcentre/storage.py); plain files in development and tests.
        "BACKEND": "matchcentre.storage.ManifestStaticFilesStorage"
        if env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Behind TLS in production set DJANGO_HTTPS=1: redirects to HTTPS, secure cookies and HSTS.
HTTPS = env_bool("DJANGO_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS

# The most a request may send, files apart: forms and JSON bodies over this many bytes, or with
# more fields than this, are refused with 413 (see matchcentre/errors.py). The JSON API
# has its own, smaller limit (feeds/errors.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", str(1024 * 1024)))
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_NUMBER_FIELDS", "1000"))
# Multipart bodies (photos uploaded in the admin) may carry up to this many bytes. Both limits
# are applied as the body arrives, before Django buffers it (matchcentre/request_size.py).
MAX_UPLOAD_SIZE = int(os.environ.get("MATCHCENTRE_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))

# The proxies (addresses or networks, e.g. 127.0.0.1 or 10.0.0.0/8) whose X-Forwarded-For and
# X-Forwarded-Proto are believed: a request from one of them is taken to come from the last
# address in X-Forwarded-For that is not a proxy. From anyone else the headers are ignored, so a
# client cannot choose the address its rate limits count against. Empty (the default): no proxy,
# the peer is the client. The proxy must overwrite X-Forwarded-For (docs/OPERATIONS.md).
TRUSTED_PROXIES = env_list("MATCHCENTRE_TRUSTED_PROXIES", "")

# Seconds between polls of the updates endpoint by pages that cannot keep a websocket open.
LIVE_POLL_INTERVAL = int(os.environ.get("MATCHCENTRE_LIVE_POLL_INTERVAL", "5"))
# Frames that may wait for a fan whose connection is slower than the match: past this many the
# fan is dropped (its page reconnects and catches up), so one slow phone costs bounded memory.
LIVE_SEND_QUEUE = int(os.environ.get("MATCHCENTRE_LIVE_SEND_QUEUE", "32"))
# Hub frames written straight to the connection on Uvicorn's websockets-sansio protocol, encoded
# once for every fan (live/fastpath.py); off: every frame goes through ASGI, as on other servers.
LIVE_DIRECT_WRITES = env_bool("MATCHCENTRE_LIVE_DIRECT_WRITES", True)

# Embeddable widgets (/embed/matches/<id>/, /embed/competitions/<c>/<s>/table/): the origins of the
# sites that may put them in an iframe (scheme://host[:port], a host may start with "*."), space- or
# comma-separated, sent as their CSP frame-ancestors (fixtures_app/views/embed.py). Empty (the
# default): no site may frame them, this one included. Every other page is never framed.
EMBED_ORIGINS = [
    origin.rstrip("/") for origin in os.environ.get("MATCHCENTRE_EMBED_ORIGINS", "").replace(",", " ").split()
]
_ORIGIN = re.compile(r"https?://((\*\.)?[\w.-]+|\[[\da-f:]+\])(:\d+)?", re.IGNORECASE)
if _not_origins := [origin for origin in EMBED_ORIGINS if not _ORIGIN.fullmatch(origin)]:
    raise ImproperlyConfigured(
        f"MATCHCENTRE_EMBED_ORIGINS: not origins (scheme://host[:port]): {_not_origins}"
    )

# The addresses or networks (e.g. 10.0.0.0/8) that may read a process's /metrics; others get a
# 404, as does any request that came through a proxy (it carries X-Forwarded-For).
METRICS_ALLOWED = env_list("MATCHCENTRE_METRICS_ALLOWED", "127.0.0.1,::1")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Polls
# Floods from one client are refused (django-ratelimit, counted in the default cache): votes
# a minute from one fan (cookie or account) and from one network address, which many fans
# behind one phone network or stadium Wi-Fi may share.
POLLS_VOTE_RATE_PER_FAN = os.environ.get("MATCHCENTRE_POLL_VOTE_RATE_PER_FAN", "10/m")
POLLS_VOTE_RATE_PER_ADDRESS = os.environ.get("MATCHCENTRE_POLL_VOTE_RATE_PER_ADDRESS", "100/m")
# The counts of a big poll (10,000 votes or more) are kept this long in the cache, so a
# kick-off crowd reloading the page does not count the votes once per reader. 0: never cached.
# Live tallies go out to the match page at most once per this many seconds per poll.
POLLS_PUSH_INTERVAL = float(os.environ.get("MATCHCENTRE_POLL_PUSH_INTERVAL", "0.25"))
POLLS_TALLY_CACHE_SECONDS = float(os.environ.get("MATCHCENTRE_POLL_TALLY_CACHE_SECONDS", "1"))

# Articles
# Photos that editors upload: where they are kept and the address they are served from
# (by Django itself only with DJANGO_DEBUG on; in production by the proxy or a bucket).
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
# Photos posted into a match's timeline: their renditions are kept in MEDIA_ROOT/live-photos/
# and served by the site at /photos/ (cached for a year: a name is never reused). The address
# pages link them at: the site's own, or a CDN's whose origin is the site (docs/OPERATIONS.md).
PHOTO_URL = os.environ.get("MATCHCENTRE_PHOTO_URL", "/photos/")

# Newsletter
# Confirmation emails: printed to the console unless another backend is set, e.g.
# django.core.mail.backends.filebased.EmailBackend (one file per email in EMAIL_FILE_PATH)
# or django.core.mail.backends.smtp.EmailBackend with the DJANGO_EMAIL_HOST… variables.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "MatchCentre <newsletter@localhost>")
# Sign-ups refused past these rates (django-ratelimit, in the default cache): per email
# address typed, and per network address; a pending sign-up's email is sent again at most
# once in this many seconds.
NEWSLETTER_SIGNUP_RATE_PER_EMAIL = os.environ.get("MATCHCENTRE_NEWSLETTER_RATE_PER_EMAIL", "5/h")
NEWSLETTER_SIGNUP_RATE_PER_ADDRESS = os.environ.get("MATCHCENTRE_NEWSLETTER_RATE_PER_ADDRESS", "30/h")
NEWSLETTER_RESEND_AFTER_SECONDS = int(os.environ.get("MATCHCENTRE_NEWSLETTER_RESEND_SECONDS", "300"))

# Partner webhooks (partners/, docs/WEBHOOKS.md): the `deliver_webhooks` worker POSTs each
# change of the update log to every active partner. Seconds a partner has to answer; the first
# retry's delay, doubled at each failure up to the most (with jitter); the worker's idle poll;
# how many POSTs may be in flight at once (a partner never holds up more than half of them);
# days the delivery log keeps its rows.
WEBHOOK_TIMEOUT = float(os.environ.get("MATCHCENTRE_WEBHOOK_TIMEOUT", "5"))
WEBHOOK_RETRY_FIRST = float(os.environ.get("MATCHCENTRE_WEBHOOK_RETRY_FIRST", "1"))
WEBHOOK_RETRY_MAX = float(os.environ.get("MATCHCENTRE_WEBHOOK_RETRY_MAX", "300"))
WEBHOOK_POLL_INTERVAL = float(os.environ.get("MATCHCENTRE_WEBHOOK_POLL_INTERVAL", "1"))
WEBHOOK_CONCURRENCY = int(os.environ.get("MATCHCENTRE_WEBHOOK_CONCURRENCY", "8"))
WEBHOOK_LOG_DAYS = float(os.environ.get("MATCHCENTRE_WEBHOOK_LOG_DAYS", "30"))

# Web Push alerts (fans/, docs/PROTOCOL.md, "Alerts and Web Push"): the `send_alerts` worker
# signs each push with this VAPID private key (base64url, 32 bytes: `manage.py vapid_keys` makes
# one). Empty: with DEBUG a development key made from SECRET_KEY, else alerts are off.
VAPID_PRIVATE_KEY = os.environ.get("MATCHCENTRE_VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = os.environ.get("MATCHCENTRE_VAPID_SUBJECT", "mailto:alerts@localhost")
ALERTS_TIMEOUT = float(os.environ.get("MATCHCENTRE_ALERTS_TIMEOUT", "5"))
ALERTS_CONCURRENCY = int(os.environ.get("MATCHCENTRE_ALERTS_CONCURRENCY", "8"))
ALERTS_POLL_INTERVAL = float(os.environ.get("MATCHCENTRE_ALERTS_POLL_INTERVAL", "1"))
ALERTS_MAX_AGE = float(os.environ.get("MATCHCENTRE_ALERTS_MAX_AGE", "900"))
# A ground's fans may share one address (carrier NAT): the page sends only a change of its follows.
PUSH_SUBSCRIBE_RATE_PER_ADDRESS = os.environ.get("MATCHCENTRE_PUSH_SUBSCRIBE_RATE_PER_ADDRESS", "60/m")
# The push services the worker may POST to (a browser's endpoint must be on one of these hosts);
# http://localhost endpoints only when MATCHCENTRE_PUSH_LOCAL_ENDPOINTS is on (a local push service).
PUSH_SERVICES = env_list(
    "MATCHCENTRE_PUSH_SERVICES",
    "fcm.googleapis.com,updates.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com",
)
PUSH_LOCAL_ENDPOINTS = env_bool("MATCHCENTRE_PUSH_LOCAL_ENDPOINTS", DEBUG)

# Content-Security-Policy (django-csp): what a page may load and run. Scripts are the ES modules
# in static/, styles the stylesheets there: no inline script, no style="" attribute (a pattern
# the tests hold every page to, tests/security/test_browser_csp.py). Sockets and fetches go to
# this site only ('self' covers ws:/wss: to the same host), forms post only here, and no other
# site may frame a page: a view that must be framed (an embed) replaces frame-ancestors with
# csp.decorators.csp_replace and drops X-Frame-Options with xframe_options_exempt.
# An absolute STATIC_URL or MEDIA_URL (a CDN, a bucket) is allowed for what it serves.
# Crests and article photos may come from other sites: MATCHCENTRE_CSP_IMAGE_SOURCES.
CSP_IMAGE_SOURCES = env_list("MATCHCENTRE_CSP_IMAGE_SOURCES", "https:")
# Where browsers report a refused load (a URL); empty: not reported.
CSP_REPORT_URI = os.environ.get("MATCHCENTRE_CSP_REPORT_URI", "")
# On: the policy is only reported (Content-Security-Policy-Report-Only), nothing is refused.
CSP_REPORT_ONLY = env_bool("MATCHCENTRE_CSP_REPORT_ONLY")


def url_origin(url: str) -> list[str]:
    """The scheme and host of an absolute URL, as a CSP source; nothing for a path on this site."""
    scheme, _, rest = url.partition("://")
    return [f"{scheme}://{rest.split('/', 1)[0]}"] if rest and scheme in {"http", "https"} else []


_static_sources = [SELF, *url_origin(STATIC_URL)]
_csp_config = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": _static_sources,
        "style-src": _static_sources,
        "font-src": _static_sources,
        "img-src": [
            *_static_sources,
            "data:",
            *url_origin(MEDIA_URL),
            *url_origin(PHOTO_URL),
            *CSP_IMAGE_SOURCES,
        ],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": HTTPS,
        "report-uri": [CSP_REPORT_URI] if CSP_REPORT_URI else None,
    }
}
CONTENT_SECURITY_POLICY = None if CSP_REPORT_ONLY else _csp_config
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp_config if CSP_REPORT_ONLY else None
