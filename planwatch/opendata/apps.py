from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "planwatch.opendata"
    label = "opendata"
    verbose_name = "Police open data (police.uk)"
