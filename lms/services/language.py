"""The language a user reads the site and their e-mails in."""

import logging

from ..models import User

logger = logging.getLogger(__name__)


def save_preferred_language(user: User, code: str) -> None:
    """Store the language the user chose in the switcher, which their e-mails use too."""
    if user.preferred_language == code:
        return
    user.preferred_language = code
    user.save(update_fields=["preferred_language"])
    logger.info("User %s switched the preferred language to %s", user.pk, code)
