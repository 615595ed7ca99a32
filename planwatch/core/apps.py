from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "planwatch.core"
    label = "core"
    verbose_name = "Core"
