"""Pages on police.uk open data: areas, neighbourhoods, stop and search."""

from django.urls import path

from . import views_areas, views_neighbourhoods, views_stop_search

app_name = "opendata"

urlpatterns: list = [
    # Areas (force, districts, neighbourhoods)
    path("areas/", views_areas.area_list, name="area_list"),
    path("areas/force/", views_areas.area_force, name="area_force"),
    path("areas/district/<str:district>/", views_areas.area_district, name="area_district"),
    # Neighbourhoods
    path(
        "neighbourhoods/",
        views_neighbourhoods.neighbourhood_list,
        name="neighbourhood_list",
    ),
    path(
        "neighbourhoods/add/",
        views_neighbourhoods.neighbourhood_create,
        name="neighbourhood_create",
    ),
    path(
        "neighbourhoods/<slug:slug>/",
        views_neighbourhoods.neighbourhood_detail,
        name="neighbourhood_detail",
    ),
    path(
        "neighbourhoods/<slug:slug>/change/",
        views_neighbourhoods.neighbourhood_edit,
        name="neighbourhood_edit",
    ),
    # Stop and search
    path("stop-and-search/", views_stop_search.stop_search, name="stop_search"),
    path(
        "stop-and-search/population/",
        views_stop_search.population_figure_list,
        name="population_figure_list",
    ),
    path(
        "stop-and-search/population/add/",
        views_stop_search.population_figure_create,
        name="population_figure_create",
    ),
    path(
        "stop-and-search/population/<int:pk>/",
        views_stop_search.population_figure_edit,
        name="population_figure_edit",
    ),
]
