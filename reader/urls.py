from django.urls import path, re_path

from . import views

app_name = "reader"

urlpatterns = [
    path("", views.shell, name="shell"),
    re_path(r"^(?P<path>.+)$", views.shell, name="path"),
]
