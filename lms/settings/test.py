"""Settings for the test suite. DATABASE_URL picks PostgreSQL; SQLite otherwise."""

from .base import *  # noqa: F403
from .base import VAR_DIR

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]
# Serve static files from the app folders, so tests need no collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Most tests sign staff in with force_login and no authenticator; the tests of the
# second-factor rule switch it back on with the settings fixture.
LMS_STAFF_MFA_REQUIRED = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # Live-server tests serve each browser request on its own thread. With the default
    # in-memory test database every thread shares one connection, and two overlapping
    # requests fail with "cannot start a transaction within a transaction". A file gives
    # each thread its own connection, locked by SQLite as in the embedded default.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
