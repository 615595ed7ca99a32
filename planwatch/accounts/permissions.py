"""Who may do what: small rules, one per verb and thing, ``can_<verb>_<thing>(user, obj)``.

Every view names its rule (see ``planwatch.accounts.views_mixins``); the URL-matrix test
checks each URL against each role.
"""

from __future__ import annotations


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_officer(user) -> bool:
    return _signed_in(user) and user.is_officer


def is_administrator(user) -> bool:
    return _signed_in(user) and user.is_administrator


def can_view_plan(user, obj=None) -> bool:
    """The Plan, its themes, objectives and priorities, approved updates, meetings and
    Panel questions: the OPCC's staff and Board / Panel members."""
    return _signed_in(user) and (user.is_officer or user.is_member)


def can_view_partnerships(user, obj=None) -> bool:
    return can_view_plan(user)


def can_view_delivery_update(user, update) -> bool:
    if not _signed_in(user):
        return False
    if user.is_officer:
        return True
    if user.is_member:
        return update.state == "approved"
    if user.is_partner:
        return update.organisations.filter(pk=user.organisation_id).exists()
    return False


def can_add_delivery_update(user, priority=None) -> bool:
    return _signed_in(user) and (user.is_officer or user.is_partner)


def can_change_delivery_update(user, update) -> bool:
    if not _signed_in(user):
        return False
    if user.is_officer:
        return True
    return user.is_partner and update.state == "draft" and update.created_by_id == user.pk


def can_approve_delivery_update(user, update=None) -> bool:
    return is_officer(user)


def can_manage_actions(user, obj=None) -> bool:
    return is_officer(user)


def can_manage_partnerships(user, obj=None) -> bool:
    return is_officer(user)


def can_manage_meetings(user, obj=None) -> bool:
    return is_officer(user)


def can_view_report(user, report) -> bool:
    if not _signed_in(user):
        return False
    if user.is_officer:
        return True
    return user.is_member and report.is_final


def can_list_reports(user, obj=None) -> bool:
    return can_view_plan(user)


def can_draft_report(user, obj=None) -> bool:
    return is_officer(user)


def can_finalise_report(user, report=None) -> bool:
    return is_officer(user) and (report is None or not report.is_final)


def can_view_partner_home(user, obj=None) -> bool:
    return _signed_in(user) and user.is_partner


def can_view_dashboard(user, obj=None) -> bool:
    return can_view_plan(user)


def can_search_updates(user, obj=None) -> bool:
    """The list of delivery updates: everyone signed in sees the ones they may read."""
    return _signed_in(user) and (user.is_officer or user.is_member or user.is_partner)


def can_view_home(user, obj=None) -> bool:
    """The home page: the Plan at a glance, or a partner's own delivery."""
    return can_view_dashboard(user) or can_view_partner_home(user)


def can_edit_report(user, report=None) -> bool:
    """Change a report's text or period: officers, while the report is a draft."""
    return is_officer(user) and (report is None or not report.is_final)


def can_import_figures(user, obj=None) -> bool:
    """Import indicator definitions and figures from files: officers and administrators."""
    return is_officer(user)


def can_view_indicators(user, obj=None) -> bool:
    """Indicators, their figures, charts and data-quality flags: the OPCC's staff and Board /
    Panel members."""
    return can_view_plan(user)


def can_acknowledge_flags(user, obj=None) -> bool:
    """Accept, with a reason, a printed figure that disagrees with the data: officers (and
    administrators)."""
    return is_officer(user)


def can_view_neighbourhoods(user, obj=None) -> bool:
    """Neighbourhoods (named sets of LSOAs) and their before/after comparisons: the OPCC's
    staff and Board / Panel members."""
    return can_view_plan(user)


def can_manage_neighbourhoods(user, obj=None) -> bool:
    """Define and change neighbourhoods: officers (and administrators)."""
    return is_officer(user)


def can_view_stop_search(user, obj=None) -> bool:
    """Stop-and-search figures for the Independent Scrutiny Group, and the population figures
    behind their rates: the OPCC's staff and Board / Panel members."""
    return can_view_plan(user)


def can_manage_population_figures(user, obj=None) -> bool:
    """Enter and change the population figures that stop-and-search rates per 1,000 and
    disproportionality ratios use: officers (and administrators)."""
    return is_officer(user)


def can_view_areas(user, obj=None) -> bool:
    """The area pages (police.uk street crime for the force and each district): the OPCC's
    staff and Board / Panel members."""
    return can_view_plan(user)
