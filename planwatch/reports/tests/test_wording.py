from planwatch.reports import wording


def test_numbers_are_spelled_out_up_to_twelve():
    assert wording.spell_number(4) == "four"
    assert wording.spell_number(12) == "twelve"
    assert wording.spell_number(13) == "13"


def test_names_are_joined_as_the_reports_print_them():
    assert wording.join_names(["Victims"]) == "Victims"
    assert wording.join_names(["Victims", "Offenders"]) == "Victims and Offenders"
    assert (
        wording.join_names(["Victims", "Offenders", "Communities", "Transformation"])
        == "Victims, Offenders, Communities, and Transformation"
    )


def test_default_purpose_and_recommendation_name_the_body():
    purpose = wording.default_purpose(
        body="board", body_name="Business Coordination Board", theme_name="Transformation"
    )
    assert purpose.startswith(
        "The purpose of this report is to update the Business Coordination Board (the “Board”) "
        "on the delivery of the Transformation theme"
    )
    assert wording.default_recommendations(body="panel") == (
        "The Panel is recommended to note the report."
    )


def test_theme_paragraph_counts_the_priorities():
    text = wording.theme_paragraph(
        theme_name="Communities",
        shared_outcome="Communities have confidence in how we respond to their needs",
        aim="Support safer and stronger communities",
        priority_count=10,
    )
    assert text == (
        "The Communities Theme of the Plan has the Shared Outcome of ‘Communities have "
        "confidence in how we respond to their needs’; the Aim to ‘Support safer and stronger "
        "communities’, along with 10 ‘Priorities for Action’."
    )
    one = wording.theme_paragraph(theme_name="X", shared_outcome="", aim="", priority_count=1)
    assert one == "The X Theme of the Plan has 1 ‘Priority for Action’."


def test_paragraphs_split_on_blank_lines_keeping_lists_with_their_paragraph():
    text = "The purpose is to:\n\n- update the Board\n- highlight Think Communities\n\nSecond."
    assert wording.split_paragraphs(text) == [
        "The purpose is to:\n\n- update the Board\n- highlight Think Communities",
        "Second.",
    ]
    assert wording.split_paragraphs("  \r\n\r\n ") == []
    assert wording.split_paragraphs("One\r\n\r\nTwo") == ["One", "Two"]
