from django.urls import path

from .views import enrolment, learning, progress

app_name = "courses"
urlpatterns = [
    path("my/", learning.my_learning, name="my_learning"),
    path("course/<id:course_id>/enrol/", enrolment.enrol_view, name="enrol"),
    path("module/<id:module_id>/progress/", progress.report_progress, name="progress"),
]
