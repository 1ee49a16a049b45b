"""Settings for bench/progress.py: the normal site plus one trivial view, on PostgreSQL, quiet logs."""

from lms.settings.base import *  # noqa: F403
from lms.settings.base import LOGGING

DEBUG = False
SECRET_KEY = "bench-only-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "progress_urls"
# Fast hashing keeps the logins of the benchmark's clients out of the measurement.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ACCOUNT_RATE_LIMITS = False
# Static files come from the app folders, so the benchmark needs no collectstatic run.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
LOGGING = {**LOGGING, "loggers": {}, "root": {"handlers": ["console"], "level": "ERROR"}}
