from django.urls import path

from . import views

app_name = "accountability"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("new/", views.meeting_create, name="meeting_create"),
    path("panel-questions/", views.panel_question_list, name="panel_question_list"),
    path("panel-questions/<int:pk>/", views.panel_question_detail, name="panel_question_detail"),
    path("panel-questions/<int:pk>/edit/", views.panel_question_edit, name="panel_question_edit"),
    path("<slug:slug>/", views.meeting_detail, name="meeting_detail"),
    path("<slug:slug>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<slug:slug>/agenda-items/new/", views.agenda_item_create, name="agenda_item_create"),
    path(
        "<slug:slug>/agenda-items/<int:pk>/edit/",
        views.agenda_item_edit,
        name="agenda_item_edit",
    ),
    path(
        "<slug:slug>/recommendations/new/",
        views.recommendation_create,
        name="recommendation_create",
    ),
    path(
        "<slug:slug>/recommendations/<int:pk>/edit/",
        views.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "<slug:slug>/panel-questions/new/",
        views.panel_question_create,
        name="panel_question_create",
    ),
]
