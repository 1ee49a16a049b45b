from django.urls import path

from .views import serve

app_name = "media"
urlpatterns = [
    path("<str:public_key>/", serve.watch, name="watch"),
    path("<str:public_key>/master.m3u8", serve.master_playlist, name="master_playlist"),
    path("<str:public_key>/captions/<str:language>.vtt", serve.caption_file, name="caption"),
    path("<str:public_key>/<path:relative>", serve.output_file, name="file"),
]
