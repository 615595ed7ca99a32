from django.contrib import admin

from planwatch.core.admin import AuditedAdmin

from .models import Membership, Organisation, Partnership, WorkStream


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name", "short_name", "organisation_type", "area", "active")
    list_filter = ("organisation_type", "active")
    search_fields = ("name", "short_name")


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin):
    list_display = ("name", "short_name", "partnership_type", "area", "parent")
    list_filter = ("partnership_type",)
    search_fields = ("name", "short_name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("organisation", "partnership", "role")
    list_filter = ("role", "partnership")
    search_fields = ("organisation__name", "partnership__name")
    autocomplete_fields = ("organisation", "partnership")


@admin.register(WorkStream)
class WorkStreamAdmin(AuditedAdmin):
    list_display = ("name", "framework", "tier", "partnership", "active")
    list_filter = ("framework", "tier", "active")
    search_fields = ("name",)
    autocomplete_fields = ("partnership",)
