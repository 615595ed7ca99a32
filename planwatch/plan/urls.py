from django.urls import path

from . import views

app_name = "plan"

urlpatterns = [
    path("", views.plan_detail_current, name="plan_detail_current"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("objectives/<int:pk>/", views.objective_detail, name="objective_detail"),
    path("priorities/<int:pk>/", views.priority_detail, name="priority_detail"),
    path("priorities/<int:priority_pk>/actions/new/", views.action_create, name="action_create"),
    path("updates/", views.update_list, name="update_list"),
    path("updates/new/", views.update_create, name="update_create"),
    path("updates/<int:pk>/", views.update_detail, name="update_detail"),
    path("updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("updates/<int:pk>/submit/", views.update_submit, name="update_submit"),
    path("updates/<int:pk>/approve/", views.update_approve, name="update_approve"),
    path("actions/", views.action_list, name="action_list"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
]
