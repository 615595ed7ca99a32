from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from planwatch.accounts import permissions


def home(request):
    """The Plan at a glance for staff and members; a partner's own work for partners."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if permissions.can_view_dashboard(user):
        return render(request, "dashboard/home.html", {})
    if permissions.can_view_partner_home(user):
        return render(request, "dashboard/partner_home.html", {})
    raise PermissionDenied


home.permission_rule = permissions.can_view_dashboard
