"""The platform's name and address as e-mails and page titles show them."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext


@dataclass(frozen=True)
class PlatformSite:
    """The site as allauth's e-mail templates read it (current_site.name and .domain).

    Without django.contrib.sites, allauth names the site by the request's host, so e-mails
    greeted learners from "127.0.0.1:8100".
    """

    name: str
    domain: str


def platform_site() -> PlatformSite:
    """Return the platform's name in the active language and its public base URL."""
    # The same msgid as the site header in templates/base.html, so every page and e-mail
    # names the platform alike («ХХГХ сургалтын платформ» in Mongolian).
    return PlatformSite(name=gettext("TIP training platform"), domain=settings.WAGTAILADMIN_BASE_URL)
