from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "planwatch.performance"
    label = "performance"
    verbose_name = "Performance and business intelligence"
