import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from planwatch.core.models import ActivityLog
from planwatch.core.selectors import history_for
from planwatch.reports.models import ThemeReport

from .conftest import UPDATE_IN_PERIOD


def _args(fmt, output):
    return [
        "--theme",
        "communities",
        "--meeting",
        "panel-2019-11",
        "--format",
        fmt,
        "--output",
        str(output),
    ]


def _report(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_writes_a_pdf_creating_the_draft(report_plan, tmp_path):
    output = tmp_path / "report.pdf"
    out, err = _report(*_args("pdf", output))
    assert f"Wrote {output}" in out and "Created a draft report" in err
    pdf = PdfReader(io.BytesIO(output.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Police and Crime Plan – Communities theme" in text
    assert UPDATE_IN_PERIOD in text
    report = ThemeReport.objects.get()
    entry = history_for(report).get()
    assert (entry.action, entry.user, entry.actor) == (
        ActivityLog.Action.CREATE,
        None,
        "Command line",
    )


def test_writes_a_word_document_and_html(report_plan, tmp_path):
    docx = tmp_path / "report.docx"
    _report(*_args("docx", docx))
    headings = [p.text for p in Document(str(docx)).paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "1. Purpose"
    html = tmp_path / "report.html"
    _report(*_args("html", html))
    assert UPDATE_IN_PERIOD in html.read_text("utf-8")
    assert ThemeReport.objects.count() == 1


def test_the_default_file_name(report_plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _report("--theme", "communities", "--meeting", "panel-2019-11", "--format", "html")
    assert (tmp_path / "communities-panel-2019-11.html").is_file()


def test_an_unknown_meeting_is_refused_listing_the_meetings(report_plan, tmp_path):
    output = tmp_path / "report.pdf"
    with pytest.raises(CommandError) as refused:
        _report("--theme", "communities", "--meeting", "panel-2019-12", "--output", str(output))
    assert refused.value.returncode == 2
    assert "No meeting 'panel-2019-12'" in str(refused.value)
    assert "panel-2019-11, board-2019-07" in str(refused.value)
    assert not output.exists()
    assert ThemeReport.objects.count() == 0


def test_an_unknown_theme_is_refused_listing_the_themes(report_plan):
    with pytest.raises(CommandError) as refused:
        _report("--theme", "community", "--meeting", "panel-2019-11")
    assert refused.value.returncode == 2
    assert "victims, offenders, communities, transformation" in str(refused.value)


def test_an_unknown_format_is_refused(report_plan):
    with pytest.raises(CommandError) as refused:
        _report("--theme", "communities", "--meeting", "panel-2019-11", "--format", "odt")
    assert refused.value.returncode == 2
    assert "Choose one of: pdf, docx, html" in str(refused.value)
