"""Text that must fit its box: it shrinks first, then wraps, and never leaves the box."""

from fpdf import FPDF
from fpdf.enums import Align

PT_TO_MM = 25.4 / 72
LINE_SPACING = 1.2
MIN_FONT_SIZE = 4


def line_height(size: float) -> float:
    return size * PT_TO_MM * LINE_SPACING


def wrap(pdf: FPDF, text: str, width: float, size: float) -> list[str]:
    pdf.set_font_size(size)
    return pdf.multi_cell(width, line_height(size), text, dry_run=True, output="LINES")


def choose_size(
    pdf: FPDF, text: str, width: float, height: float, max_size: float, min_single_line_size: float
) -> tuple[float, list[str]]:
    """Return the font size and lines for `text` in a width × height box (mm).

    One line is kept down to `min_single_line_size`; below that the text wraps, at the
    largest size whose lines fit the height.
    """
    size = max_size
    while size >= min_single_line_size:
        pdf.set_font_size(size)
        if pdf.get_string_width(text) <= width and line_height(size) <= height:
            return size, [text]
        size -= 0.5

    size = max_size
    while size > MIN_FONT_SIZE:
        lines = wrap(pdf, text, width, size)
        widest = max((pdf.get_string_width(line) for line in lines), default=0)
        if len(lines) * line_height(size) <= height and widest <= width:
            return size, lines
        size -= 0.5
    return MIN_FONT_SIZE, wrap(pdf, text, width, MIN_FONT_SIZE)


def fitted_text(
    pdf: FPDF,
    text: str,
    *,
    x: float,
    y: float,
    width: float,
    height: float,
    max_size: float,
    min_single_line_size: float | None = None,
    middle: bool = False,
) -> float:
    """Draw `text` centred in the box with the current font family and style; return its height.

    With `middle` the lines are also centred vertically in the box.
    """
    if not text:
        return 0
    size, lines = choose_size(pdf, text, width, height, max_size, min_single_line_size or max_size)
    pdf.set_font_size(size)
    step = line_height(size)
    if middle:
        y += (height - step * len(lines)) / 2
    pdf.set_xy(x, y)
    for line in lines:
        pdf.set_x(x)
        pdf.cell(width, step, line, align=Align.C, new_x="LMARGIN", new_y="NEXT")
    return step * len(lines)
