from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/finalise/", views.report_finalise, name="report_finalise"),
    path("<int:pk>/download/<str:fmt>/", views.report_download, name="report_download"),
]
