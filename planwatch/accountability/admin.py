from django.contrib import admin

from planwatch.core.admin import AuditedAdmin

from .models import AgendaItem, Meeting, PanelQuestion, Recommendation


@admin.register(Meeting)
class MeetingAdmin(AuditedAdmin):
    list_display = ("date", "body", "location", "slug")
    list_filter = ("body",)
    search_fields = ("location", "slug")
    date_hierarchy = "date"
    readonly_fields = ("slug",)


@admin.register(AgendaItem)
class AgendaItemAdmin(AuditedAdmin):
    list_display = ("number", "title", "meeting", "theme")
    list_filter = ("meeting__body", "theme")
    search_fields = ("title",)
    autocomplete_fields = ("meeting",)


@admin.register(Recommendation)
class RecommendationAdmin(AuditedAdmin):
    list_display = ("__str__", "agenda_item", "status")
    list_filter = ("status",)
    search_fields = ("text",)
    autocomplete_fields = ("agenda_item",)


@admin.register(PanelQuestion)
class PanelQuestionAdmin(AuditedAdmin):
    list_display = ("__str__", "meeting", "theme", "status", "responded_on")
    list_filter = ("status", "theme")
    search_fields = ("question", "response", "asked_by")
    autocomplete_fields = ("meeting",)
