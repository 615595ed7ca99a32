from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "planwatch.demo"
    label = "demo"
