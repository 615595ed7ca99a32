import pytest

from planwatch.partners.forms import MembershipForm, PartnershipForm

from .factories import MembershipFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_partnership_form_refuses_a_sub_group_as_parent():
    board = PartnershipFactory()
    group = PartnershipFactory(parent=board)
    form = PartnershipForm(
        {
            "name": board.name,
            "slug": board.slug,
            "partnership_type": "partnership",
            "parent": group.pk,
        },
        instance=board,
    )
    assert form.errors["parent"] == [
        "A partnership cannot sit under itself or one of its own sub-groups"
    ]
    assert board.pk not in [p.pk for p in form.fields["parent"].queryset]


def test_partnership_form_leaves_the_web_address_optional():
    form = PartnershipForm({"name": "Vision Zero", "slug": "", "partnership_type": "partnership"})
    assert form.is_valid(), form.errors


def test_membership_form_refuses_a_second_membership():
    membership = MembershipFactory()
    form = MembershipForm(
        {"organisation": membership.organisation.pk, "role": "supporter"},
        partnership=membership.partnership,
    )
    assert form.errors["organisation"] == [
        f"{membership.organisation} is already a member of this partnership"
    ]
    same = MembershipForm(
        {"organisation": membership.organisation.pk, "role": "chair"},
        partnership=membership.partnership,
        instance=membership,
    )
    assert same.is_valid(), same.errors
