"""Settings, read from the environment.

Local use (the default) keeps everything under ``var/``: the SQLite database, a generated
secret key and collected static files. Production (``STYRBORD_ENV=production``) refuses to
start without an explicit ``SECRET_KEY`` and turns on the HTTPS hardening that
``styrbord check --deploy`` expects.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STYRBORD_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("STYRBORD_ENV", "local") == "production"
DEBUG = env_bool("DEBUG", default=False)
# Demo logins exist only when this is on (``make run`` turns it on).
DEMO_MODE = env_bool("STYRBORD_DEMO", default=False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when STYRBORD_ENV=production.")
    # A local installation keeps one generated key, so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "styrbord.core",
    "styrbord.governance",
    "styrbord.strategy",
    "styrbord.portfolio",
    "styrbord.plans",
    "styrbord.benefits",
    "styrbord.systems",
]

MIDDLEWARE = [
    "styrbord.core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "styrbord.core.middleware.TenantMiddleware",
]

ROOT_URLCONF = "styrbord.urls"
WSGI_APPLICATION = "styrbord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "styrbord.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'styrbord.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
else:
    # A form's choices are read with ``iterator()``, which on PostgreSQL would declare a
    # server-side cursor: three round trips for a few hundred rows, and unusable behind a
    # transaction-pooling pgbouncer.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
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
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# django-axes: lock a username+address pair out after five failures, for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "core/auth/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy, lock-out must see the client's address, not the proxy's.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploads that only some users may see; no URL, so they are served by checking views.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private", "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
# Agenda attachments and terms-of-reference documents: largest accepted upload.
ATTACHMENT_MAX_BYTES = int(os.environ.get("STYRBORD_ATTACHMENT_MAX_MB", "20")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "styrbord.core.api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["styrbord.core.api.permissions.MunicipalityRole"],
    # JSON only: people read the API in the documentation at /api/docs/.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "styrbord.core.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Styrbord API",
    "DESCRIPTION": "The municipality-scoped API of Styrbord. Authenticate with a personal API "
    "token: `Authorization: Token <key>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI's syntax colours fail WCAG contrast; plain examples read as well.
    "SWAGGER_UI_SETTINGS": {"syntaxHighlight": False, "deepLinking": False},
    # The documentation lists the areas in the order of the navigation, not alphabetically.
    "TAGS": [
        {"name": name}
        for name in (
            "org-units",
            "persons",
            "styring",
            "strategi",
            "portefolje",
            "indsatsplan",
            "gevinster",
            "systemer",
        )
    ],
    # Several models have a "kind" or "status"; name their enums after the model.
    "ENUM_NAME_OVERRIDES": {
        "BodyKindEnum": "styrbord.governance.models.BodyKind",
        "AgendaItemKindEnum": "styrbord.governance.models.ItemKind",
        "MeetingStatusEnum": "styrbord.governance.models.MeetingStatus",
        "ActionStatusEnum": "styrbord.governance.models.ActionStatus",
        "IdeaStatusEnum": "styrbord.portfolio.models.IdeaStatus",
        "DeliverableStatusEnum": "styrbord.portfolio.models.DeliverableStatus",
        "PhaseEnum": "styrbord.portfolio.models.Phase",
        "RagEnum": "styrbord.portfolio.models.Rag",
        "ReportStateEnum": "styrbord.portfolio.models.ReportState",
        "StrategyKindEnum": "styrbord.strategy.models.StrategyKind",
        "PrincipleKindEnum": "styrbord.strategy.models.PrincipleKind",
        "VersionStateEnum": "styrbord.plans.models.VersionState",
        "CriterionKindEnum": "styrbord.plans.models.CriterionKind",
        "BenefitStatusEnum": "styrbord.benefits.models.BenefitStatus",
        "BenefitDirectionEnum": "styrbord.benefits.models.Direction",
        "CostKindEnum": "styrbord.benefits.models.CostKind",
        "NodeKindEnum": "styrbord.benefits.models.NodeKind",
        "AnswerEnum": "styrbord.systems.models.Answer",
    },
}

# Reads of pages with personal data are kept this long in the access log.
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("ACCESS_LOG_RETENTION_DAYS", "183"))
# The default discount rate of a new business case, in percent a year: the Ministry of
# Finance's socio-economic discount rate (3.5 % since 2021). Each case can set its own.
BENEFITS_DISCOUNT_RATE = os.environ.get("BENEFITS_DISCOUNT_RATE", "3.5")
# KITOS API v2. One API user serves the installation; KITOS grants it read access per
# organisation, and each municipality is found there by its CVR number.
KITOS_URL = os.environ.get("KITOS_URL", "https://kitos.dk")
KITOS_EMAIL = os.environ.get("KITOS_EMAIL", "")
KITOS_PASSWORD = os.environ.get("KITOS_PASSWORD", "")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "styrbord.core.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # WeasyPrint and its font subsetter report every step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
