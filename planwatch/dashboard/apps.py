from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "planwatch.dashboard"
    label = "dashboard"
