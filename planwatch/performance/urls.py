from django.urls import path

from . import views, views_import

app_name = "performance"

urlpatterns = [
    # --- Indicators, their figures and data quality (views.py) ---
    path("", views.indicator_list, name="indicator_list"),
    path("indicators/<slug:code>/", views.indicator_detail, name="indicator_detail"),
    path("data-quality/", views.data_quality, name="data_quality"),
    path(
        "data-quality/<int:pk>/<slug:kind>/acknowledge/",
        views.flag_acknowledge,
        name="flag_acknowledge",
    ),
    # --- Importing indicator definitions and figures (views_import.py) ---
    path("import/", views_import.import_upload, name="import_upload"),
    path("import/preview/", views_import.import_preview_page, name="import_preview"),
    path("import/apply/", views_import.import_apply, name="import_apply"),
    path("templates/<slug:kind>.<slug:fmt>", views_import.import_template, name="import_template"),
]
