from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "planwatch.places"
    label = "places"
