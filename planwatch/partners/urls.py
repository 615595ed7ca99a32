from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.partnership_list, name="partnership_list"),
    path("new/", views.partnership_create, name="partnership_create"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("work-streams/", views.work_stream_list, name="work_stream_list"),
    path("<slug:slug>/", views.partnership_detail, name="partnership_detail"),
    path("<slug:slug>/edit/", views.partnership_edit, name="partnership_edit"),
    path("<slug:slug>/members/new/", views.membership_create, name="membership_create"),
    path("<slug:slug>/members/<int:pk>/edit/", views.membership_edit, name="membership_edit"),
    path("<slug:slug>/members/<int:pk>/remove/", views.membership_delete, name="membership_delete"),
]
