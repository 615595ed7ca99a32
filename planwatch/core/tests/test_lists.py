import csv
import io

from planwatch.core.lists import Column, csv_response


def test_csv_export_neutralises_spreadsheet_formulas():
    response = csv_response(
        "things", [Column("Name", lambda r: r)], ['=HYPERLINK("x")', "-13%", "Plain"]
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Name"], ['\'=HYPERLINK("x")'], ["'-13%"], ["Plain"]]
    assert 'filename="things-' in response["Content-Disposition"]
