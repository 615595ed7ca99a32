from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "planwatch.plan"
    label = "plan"
