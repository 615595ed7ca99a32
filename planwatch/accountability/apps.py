from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "planwatch.accountability"
    label = "accountability"
