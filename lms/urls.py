from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .views import health, profile

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
    path("i18n/setlang/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("django-admin/", admin.site.urls),
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
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
