"""A per-client counter in Django's cache that slows down guessing of certificate codes.

The cache is shared by all app servers in production, so the limit applies across them.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DEFAULT_LIMIT = 30
WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    # NOTE: behind a reverse proxy REMOTE_ADDR is the proxy's address, so all clients share
    # one counter unless the deployment passes the client's address on as REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "unknown")


def allow_verification(request: HttpRequest) -> bool:
    """Count this lookup and tell whether the client is still within its per-minute limit."""
    limit = getattr(settings, "CERTIFICATES_VERIFY_RATE_LIMIT", DEFAULT_LIMIT)
    window = int(time.time() // WINDOW_SECONDS)
    key = f"certificates:verify:{client_address(request)}:{window}"
    # add() creates the counter only when it is missing, so concurrent first hits do not reset it.
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr().
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    return count <= limit
