from planwatch.core.markdown import render_markdown


def test_paragraphs_and_lists_become_html():
    html = render_markdown("First paragraph.\n\n- one\n- two")
    assert "<p>First paragraph.</p>" in html
    assert "<li>one</li>" in html


def test_scripts_styles_and_javascript_links_are_removed():
    html = render_markdown(
        '<script>alert(1)</script><p onclick="x()">Hi</p>[x](javascript:alert(1))'
        "<style>body{}</style>"
    )
    assert "<script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<style" not in html


def test_links_are_kept_and_made_safe():
    html = render_markdown("[Crime survey](https://crimesurvey.co.uk/en/index.html)")
    assert 'href="https://crimesurvey.co.uk/en/index.html"' in html
    assert 'rel="noopener noreferrer"' in html
