from django.conf import settings
from django.urls import NoReverseMatch, reverse


def _matches(path: str, prefix: str) -> bool:
    return path == "/" if prefix == "/" else path.startswith(prefix)


def navigation(request):
    """The service navigation for the signed-in user's role."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        if user.is_officer or user.is_member:
            items = [
                ("Home", "dashboard:home", "/"),
                ("The Plan", "plan:plan_detail_current", "/plan/"),
                ("Updates", "plan:update_list", "/plan/updates/"),
                ("Partnerships", "partners:partnership_list", "/partners/"),
                ("Meetings", "accountability:meeting_list", "/meetings/"),
                ("Performance", "performance:indicator_list", "/performance/"),
                ("Crime data", "opendata:area_list", "/open-data/"),
                ("Reports", "reports:report_list", "/reports/"),
            ]
        elif user.is_partner:
            items = [("Home", "dashboard:home", "/")]
    path = request.path if request else ""
    navigation_items = []
    for label, name, prefix in items:
        try:
            url = reverse(name)
        except NoReverseMatch:  # a page not built yet is left out of the menu
            continue
        navigation_items.append({"label": label, "url": url, "prefix": prefix})
    # The longest matching prefix is the current section: /plan/updates/ is Updates, not The Plan.
    matches = [i for i in navigation_items if _matches(path, i["prefix"])]
    current = max(matches, key=lambda i: len(i["prefix"]), default=None)
    for item in navigation_items:
        item["active"] = item is current
    return {"navigation": navigation_items, "office_name": settings.PLANWATCH_OFFICE_NAME}
