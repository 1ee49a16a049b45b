"""The interface language: the user's explicit choice, otherwise Mongolian.

Django's LocaleMiddleware would also read the browser's Accept-Language header, so an
official whose Windows is set to English would get English pages. Here the language comes only
from the cookie the language switcher sets, then the signed-in user's preferred_language,
then LANGUAGE_CODE.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.views.i18n import set_language

from .services.language import save_preferred_language


def chosen_language(request) -> str:
    """Return the language code of the cookie, the user's preference or the default, in that order."""
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie and cookie in dict(settings.LANGUAGES):
        return cookie
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language in dict(settings.LANGUAGES):
        return user.preferred_language
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Activate chosen_language() for the request. It must run after AuthenticationMiddleware."""

    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


def switch_language(request):
    """Run Django's set_language view and remember the choice on a signed-in user's account."""
    response = set_language(request)
    code = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and code in dict(settings.LANGUAGES):
        save_preferred_language(request.user, code)
    return response
