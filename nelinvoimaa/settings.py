"""Settings for Nelinvoimaa, read from environment variables.

Every variable is listed in the README with its default. Without any, the site runs locally
in debug mode on SQLite; with DJANGO_ENV=production it refuses to start unless the secret
key, allowed hosts and database URL are given.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_bool(name, default):
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def database_from_url(name):
    """DATABASES entry from postgres://user:password@host:port/name or sqlite:///path."""
    url = env(name)
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        if path.startswith("//") or path.startswith("/"):  # sqlite:////absolute/path
            path = path[1:]
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path or BASE_DIR / "db.sqlite3"}
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ImproperlyConfigured(
            f"{name} must start with postgres:// or sqlite:///, not {parts.scheme or url!r}."
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has an invalid port.") from None
    db_name = unquote(parts.path.lstrip("/"))
    if not db_name:
        raise ImproperlyConfigured(
            f"{name} must name a database, e.g. postgres://host/nelinvoimaa."
        )
    query = dict(parse_qsl(parts.query))
    options = {
        # Django's pool: a new connection per request costs about 7x the throughput.
        "pool": {
            "min_size": env_int("DATABASE_POOL_MIN_SIZE", 1),
            "max_size": env_int("DATABASE_POOL_MAX_SIZE", 4),
            # How long a request waits for a connection: during an outage pages answer 503
            # after this, instead of holding a worker.
            "timeout": env_int("DATABASE_POOL_TIMEOUT", 2),
            # How long the pool keeps retrying a lost connection before giving up; the next
            # request then tries afresh. psycopg_pool doubles the pause between retries (1, 2,
            # 4 … s), so after a long outage the first page came back a minute late; with a
            # short window a connection is tried at least every second or on the next request.
            "reconnect_timeout": env_int("DATABASE_POOL_RECONNECT_TIMEOUT", 2),
            # Lent unchecked: a connection's first statement checks it (the ENGINE below,
            # nelinvoimaa/postgresql), instead of a round trip of its own on every request.
            "check": None,
        },
        # An unreachable host (not a refused port) fails the connection attempt within this.
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 2),
        # Values sent apart from the SQL, so that a query run PREPARE_THRESHOLD times on a
        # connection is prepared and its later runs skip planning, which on jobs_job cost as
        # much as running a small query (bench/). 0 turns preparing off (a pooler in
        # transaction mode without prepared statements).
        "server_side_binding": True,
        "prepare_threshold": env_int("DATABASE_PREPARE_THRESHOLD", 5) or None,
    }
    # The planner's price of reading a page out of order, relative to reading the next one.
    # PostgreSQL's default (4) is for spinning disks; on SSDs and with the tables in memory,
    # 1.1 is the usual choice. With 4 the planner scanned the whole job table for a common
    # search word rather than use the search index, taking three times as long (bench/).
    # "server": the server's own setting.
    page_cost = env("DATABASE_RANDOM_PAGE_COST", "1.1")
    server_settings = [
        # Each scan of the whole job table starts at its first page. PostgreSQL lets a scan of
        # a large table join one already under way, so the matches a capped search reads first
        # (jobs/results.py) differed from one request to the next: its pages of results
        # repeated and skipped jobs, and the listed jobs were rarely found in the cache
        # ("siivous" at 50,000 jobs: 25 ms a search instead of 16, measured).
        "-c synchronize_seqscans=off",
    ]
    if page_cost != "server":
        try:
            server_settings.append(f"-c random_page_cost={float(page_cost)}")
        except ValueError:
            raise ImproperlyConfigured(
                f"DATABASE_RANDOM_PAGE_COST must be a number or server, not {page_cost!r}."
            ) from None
    options["options"] = " ".join(server_settings)
    if "sslmode" in query:
        options["sslmode"] = query["sslmode"]
    return {
        "ENGINE": "nelinvoimaa.postgresql",
        "NAME": db_name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(port or ""),
        "CONN_MAX_AGE": 0,  # required by the pool
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
        "TEST": {"NAME": query.get("test_name")} if query.get("test_name") else {},
    }


DJANGO_ENV = env("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be development or production, not {DJANGO_ENV!r}.")
PRODUCTION = DJANGO_ENV == "production"

if PRODUCTION:
    for required in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"):
        if not env(required):
            raise ImproperlyConfigured(f"{required} must be set when DJANGO_ENV=production.")
    if len(env("DJANGO_SECRET_KEY")) < 50:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long.")

DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
SECRET_KEY = env(
    "DJANGO_SECRET_KEY", "django-insecure-local-development-key-never-use-in-production"
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "nelinvoimaa",
    "employers",
    "jobs",
    "applications",
    "trainings",
    "jobseekers",
    "stories",
    "entrepreneurship",
    "reports",
    "nelinvoimaa.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nelinvoimaa.middleware.admin_language",
    "nelinvoimaa.middleware.private_pages",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "nelinvoimaa.urls"
WSGI_APPLICATION = "nelinvoimaa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nelinvoimaa.context_processors.site",
            ],
        },
    },
]

if env("DATABASE_URL"):
    DATABASES = {"default": database_from_url("DATABASE_URL")}
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    }

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The covering index of published jobs (jobs.Job.Meta) is a plain one on SQLite; the
    # PostgreSQL-only INCLUDE columns are what the warning is about.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "nelinvoimaa.User"

# A cache shared by all workers, so allauth's rate limits hold across processes.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "nelinvoimaa.redis_cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
        }
    }
    # Every signed-in request reads its session: from Redis, written through to the database
    # (so a Redis restart signs nobody out); with the public pages' generation in the same
    # round trip (nelinvoimaa/sessions.py).
    SESSION_ENGINE = "nelinvoimaa.sessions"
elif PRODUCTION:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rendered public pages, in each worker's memory; nelinvoimaa/page_cache.py keeps them correct.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 5000)},
}

AUTHENTICATION_BACKENDS = [
    # allauth's, reading the user of each request faster (nelinvoimaa/auth.py).
    "nelinvoimaa.auth.AuthenticationBackend",
    # A session names the backend that signed it in: these keep earlier sessions valid.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail as the login, verified before the first sign-in.
# Behind a front server its rate limits must count each client, not the proxy: the number of
# proxies that append to X-Forwarded-For (1 with the compose front server).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_ADAPTER = "nelinvoimaa.accounts.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "nelinvoimaa.accounts.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Nelinvoimaa: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Nelinvoimaa"

# Staff cannot use /admin/ without two-factor authentication, except where relaxed for demos.
ADMIN_REQUIRE_MFA = env_bool("DJANGO_ADMIN_REQUIRE_MFA", PRODUCTION)

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "nelinvoimaa" / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["nelinvoimaa.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# CVs: outside MEDIA_ROOT, never served from a URL (applications.views.download_cv checks access).
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
# With nginx in front, e.g. "/protected-cvs/": CV downloads are then handed to it with
# X-Accel-Redirect (an `internal` location aliased to PRIVATE_MEDIA_ROOT).
CV_X_ACCEL_PREFIX = env("CV_X_ACCEL_PREFIX", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "nelinvoimaa.private_files.PrivateFileStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploaded files can go to S3-compatible object storage instead (django-storages): public files
# (logos, photos) when S3_MEDIA_BUCKET is set, CVs when S3_PRIVATE_BUCKET is set (a bucket of
# their own, no public ACL, streamed through the checked view). Credentials: S3_ACCESS_KEY_ID
# and S3_SECRET_ACCESS_KEY, or the machine's own (boto3's usual sources).
S3_CONNECTION = {
    "endpoint_url": env("S3_ENDPOINT_URL") or None,
    "region_name": env("S3_REGION") or None,
    "access_key": env("S3_ACCESS_KEY_ID") or None,
    "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
}
if env("S3_MEDIA_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": S3_CONNECTION
        | {
            "bucket_name": env("S3_MEDIA_BUCKET"),
            # Public, plain addresses (a CDN or the bucket's own domain when S3_MEDIA_DOMAIN).
            # "none" where the provider has no ACLs and a bucket policy makes it public.
            "default_acl": None
            if env("S3_MEDIA_ACL") == "none"
            else env("S3_MEDIA_ACL", "public-read"),
            "querystring_auth": False,
            "file_overwrite": False,
            "custom_domain": env("S3_MEDIA_DOMAIN") or None,
        },
    }
if env("S3_PRIVATE_BUCKET"):
    STORAGES["private"] = {
        "BACKEND": "nelinvoimaa.object_storage.PrivateS3Storage",
        "OPTIONS": S3_CONNECTION | {"bucket_name": env("S3_PRIVATE_BUCKET")},
    }

# Outside production whitenoise serves straight from the apps' static folders (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

# E-mail through Django 6.1's MAILERS; the console locally, SMTP in production.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Nelinvoimaa <noreply@nelinvoimaa.fi>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if env("SMTP_HOST") or PRODUCTION:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("SMTP_HOST", "localhost"),
                "port": env_int("SMTP_PORT", 587),
                "username": env("SMTP_USER", ""),
                "password": env("SMTP_PASSWORD", ""),
                "use_tls": env_bool("SMTP_USE_TLS", True),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background work: inline locally and in tests, a database queue with a worker in production.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env("TASKS_BACKEND", "database" if PRODUCTION else "immediate") == "database"
        else "django.tasks.backends.immediate.ImmediateBackend"
    }
}

# A task running for longer than this is taken to have lost its worker (requeue_stalled_tasks).
TASK_STALLED_MINUTES = env_int("TASK_STALLED_MINUTES", 30)

# Security: a strict Content Security Policy with nonces, no inline scripts anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Personal data: how long applications are kept after their job closes (used by later apps).
APPLICATION_RETENTION_MONTHS = env_int("APPLICATION_RETENTION_MONTHS", 24)
# ... and how long enrolments keep the person after their training ends (the counts stay).
TRAINING_ENROLMENT_RETENTION_DAYS = env_int("TRAINING_ENROLMENT_RETENTION_DAYS", 365)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
