from django.urls import path

from .views import enrolment, learning

app_name = "courses"
urlpatterns = [
    path("my/", learning.my_learning, name="my_learning"),
    path("course/<int:course_id>/enrol/", enrolment.enrol_view, name="enrol"),
]
