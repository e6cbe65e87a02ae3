"""Files for the ingest tests, made with the libraries that read them back (python-docx, reportlab)."""
from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PLEDGE_TEXT = "张店区委书记马晓磊表示，今年张店区将新建幼儿园3所，确保年内建成小学2处。\n力争新增城市绿道15公里。\n"


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None, title: str | None = None):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    if title:
        document.core_properties.title = title
    document.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str] | None, image: bool = False):
    """A PDF whose text layer holds ``lines`` (STSong-Light, a CID font every reader knows); with
    ``image`` and no lines, a page holding only a picture, like a scan."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 12)
    y = 760
    for line in lines or []:
        page.drawString(60, y, line)
        y -= 20
    if image:
        from PIL import Image

        picture = Image.new("RGB", (200, 100), (230, 230, 230))
        for x in range(20, 180):
            picture.putpixel((x, 50), (0, 0, 0))
        from reportlab.lib.utils import ImageReader

        page.drawImage(ImageReader(picture), 60, 500, width=400, height=200)
    page.showPage()
    page.save()
    return path


