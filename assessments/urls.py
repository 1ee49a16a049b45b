from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("<id:quiz_id>/", views.quiz_view, name="quiz"),
    path("<id:quiz_id>/start/", views.start_view, name="start"),
    path("attempt/<str:code>/", views.attempt_view, name="attempt"),
    path("attempt/<str:code>/save/", views.save_view, name="save"),
    path("attempt/<str:code>/submit/", views.submit_view, name="submit"),
]
