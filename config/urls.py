from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "PlanWatch administration"
admin.site.site_title = "PlanWatch administration"

urlpatterns = [
    path("", include("planwatch.dashboard.urls")),
    path("accounts/", include("planwatch.accounts.urls")),
    path("plan/", include("planwatch.plan.urls")),
    path("partners/", include("planwatch.partners.urls")),
    path("meetings/", include("planwatch.accountability.urls")),
    path("performance/", include("planwatch.performance.urls")),
    path("open-data/", include("planwatch.opendata.urls")),
    path("reports/", include("planwatch.reports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "planwatch.core.views.permission_denied"
handler404 = "planwatch.core.views.page_not_found"
handler500 = "planwatch.core.views.server_error"
