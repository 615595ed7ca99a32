"""Guarding views with the rules in permissions.py.

``rule_required(rule)`` wraps a function view; ``RuleRequiredMixin`` guards a class view.
Anonymous visitors are sent to sign in; signed-in users without the rule get a 403 page.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def check_rule(request, rule, obj=None) -> None:
    """Raise PermissionDenied unless ``rule(user, obj)`` holds (use for object-level checks)."""
    if not rule(request.user, obj):
        raise PermissionDenied


def rule_required(rule):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not rule(request.user, None):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.permission_rule = rule
        return wrapped

    return decorator


class RuleRequiredMixin:
    rule = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.rule is None or not type(self).rule(request.user, None):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
