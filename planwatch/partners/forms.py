from django import forms
from django.db.models import Q

from planwatch.core.forms import GovukForm, GovukModelForm
from planwatch.places.models import Area

from .models import Membership, Organisation, Partnership, WorkStream
from .services import RESERVED_SLUGS


def _areas(current_pk=None):
    """Areas that can be chosen: those in use above LSOA level, and the current one."""
    return Area.objects.filter(
        Q(active=True, area_type__in=["force", "district", "ward"]) | Q(pk=current_pk)
    ).order_by("area_type", "name")


class PartnershipForm(GovukModelForm):
    class Meta:
        model = Partnership
        fields = [
            "name",
            "short_name",
            "slug",
            "partnership_type",
            "area",
            "parent",
            "description",
            "established",
        ]
        labels = {
            "name": "Name",
            "short_name": "Short name",
            "slug": "Web address",
            "partnership_type": "Type of partnership",
            "area": "Area it covers",
            "parent": "Reports to",
            "description": "Description",
            "established": "Date established",
        }
        help_texts = {
            "short_name": "For example, CAPASP.",
            "slug": "The last part of the page address: lower-case letters, numbers and "
            "hyphens. Left blank, it is made from the short name or the name.",
            "parent": "The partnership this one is a sub-group of, if any.",
            "description": "What the partnership does. Markdown: blank line between "
            "paragraphs, '- ' for bullet points.",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "name": {
                "required": "Enter the name of the partnership",
                "unique": "There is already a partnership with this name",
            },
            "slug": {"unique": "Another partnership already uses this web address"},
            "partnership_type": {"required": "Choose the type of partnership"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["partnership_type"].choices = [
            ("", "Choose a type"),
            *Partnership.PartnershipType.choices,
        ]
        self.fields["area"].queryset = _areas(self.instance.area_id)
        self.fields["area"].empty_label = "Not tied to one area"
        parents = Partnership.objects.order_by("name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "None"

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(f"‘{slug}’ is used by another page: choose another")
        return slug

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        ancestor, seen = parent, set()
        while self.instance.pk and ancestor is not None and ancestor.pk not in seen:
            if ancestor.pk == self.instance.pk:
                raise forms.ValidationError(
                    "A partnership cannot sit under itself or one of its own sub-groups"
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return parent


class MembershipForm(GovukModelForm):
    class Meta:
        model = Membership
        fields = ["organisation", "role", "note"]
        labels = {"organisation": "Organisation", "role": "Role", "note": "Note"}
        help_texts = {
            "role": "In a three-tier partnership the role is the tier: the chair and members "
            "sit on the Board.",
            "note": "For example, who represents the organisation.",
        }
        widgets = {"role": forms.RadioSelect}
        error_messages = {
            "organisation": {"required": "Choose the organisation"},
            "role": {"required": "Choose the organisation's role"},
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(active=True) | Q(pk=self.instance.organisation_id)
        ).order_by("name")
        self.fields["organisation"].empty_label = "Choose an organisation"
        self.fields["role"].choices = Membership.Role.choices

    def clean_organisation(self):
        organisation = self.cleaned_data.get("organisation")
        if organisation is not None:
            clash = Membership.objects.filter(
                partnership=self.partnership, organisation=organisation
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(
                    f"{organisation} is already a member of this partnership"
                )
        return organisation


class OrganisationForm(GovukModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "organisation_type", "area", "website", "active"]
        labels = {
            "name": "Name",
            "short_name": "Short name",
            "organisation_type": "Type of organisation",
            "area": "Area",
            "website": "Website",
            "active": "In use",
        }
        help_texts = {
            "area": "Where it is based or works, if it is local.",
            "website": "The full address, starting https://",
            "active": "Untick to retire the organisation: it stays on past records but can no "
            "longer be chosen.",
        }
        error_messages = {
            "name": {
                "required": "Enter the name of the organisation",
                "unique": "There is already an organisation with this name",
            },
            "website": {"invalid": "Enter the website address in full, like https://example.org"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_type"].choices = Organisation.OrganisationType.choices
        self.fields["area"].queryset = _areas(self.instance.area_id)
        self.fields["area"].empty_label = "Not tied to one area"
        if not self.instance.pk:
            del self.fields["active"]


class PartnershipFilterForm(GovukForm):
    q = forms.CharField(label="Name", required=False)
    partnership_type = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[("", "All types"), *Partnership.PartnershipType.choices],
    )
    area = forms.ModelChoiceField(
        label="Area", required=False, queryset=Area.objects.none(), empty_label="All areas"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = (
            Area.objects.filter(partnerships__isnull=False).distinct().order_by("area_type", "name")
        )


class OrganisationFilterForm(GovukForm):
    q = forms.CharField(label="Name", required=False)
    organisation_type = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[("", "All types"), *Organisation.OrganisationType.choices],
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "In use"), ("retired", "Retired"), ("all", "In use and retired")],
    )


class WorkStreamFilterForm(GovukForm):
    framework = forms.ChoiceField(
        label="Framework",
        required=False,
        choices=[("", "All frameworks"), *WorkStream.Framework.choices],
    )
    tier = forms.ChoiceField(
        label="Prevention tier",
        required=False,
        choices=[("", "All tiers"), *WorkStream.Tier.choices],
    )
