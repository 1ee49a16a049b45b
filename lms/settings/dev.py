"""Settings for a developer's machine: debug on, mail printed to the console."""

from .base import *  # noqa: F403
from .environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed development key keeps sessions across restarts; production must set its own.
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-change-me-in-production"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
