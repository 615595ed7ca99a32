from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "planwatch.partners"
    label = "partners"
