from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .language import switch_language
from .views import admin_login, favicon, health, profile

# Both admin sign-in forms would skip the second factor, so they hand over to allauth's.
admin.site.login = secure_admin_login(admin.site.login)

app_patterns = (
    [
        path("profile/", profile.profile, name="profile"),
    ],
    "lms",
)

urlpatterns = [
    path("health/", health.health, name="health"),
    # Browsers ask for /favicon.ico on pages that declare no icon, such as files and JSON.
    path("favicon.ico", favicon.favicon),
    path("i18n/setlang/", switch_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("django-admin/", admin.site.urls),
    path("admin/login/", admin_login.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("me/", include(app_patterns)),
    path("learn/", include("courses.urls")),
    path("quiz/", include("assessments.urls")),
    path("video/", include("media.urls")),
    path("c/", include("certificates.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "lms.views.errors.bad_request"
handler403 = "lms.views.errors.permission_denied"
handler404 = "lms.views.errors.page_not_found"
handler500 = "lms.views.errors.server_error"
