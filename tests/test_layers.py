"""The layering the project depends on: the extractor is a pure library."""
import subprocess
import sys


def test_import_extract_loads_neither_flask_nor_sqlalchemy():
    code = (
        "import sys, tracker.extract, tracker.extract.pledges, tracker.extract.deadlines;"
        "from tracker.extract import extract_document;"
        "extract_document('今年将新建幼儿园3所。');"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'flask', 'sqlalchemy', 'werkzeug', 'alembic'});"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
