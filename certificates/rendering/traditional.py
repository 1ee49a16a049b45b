"""Traditional Mongolian script set vertically: columns run top to bottom, left to right.

The font's glyphs are drawn for horizontal text. HarfBuzz shapes the string horizontally,
choosing the initial, medial and final letter forms, and the shaped line is then turned
90° clockwise, which is how vertical Mongolian is laid out.
"""

from dataclasses import dataclass

from fpdf import FPDF

from .text import PT_TO_MM

FONT_FAMILY = "NotoSansMongolian"
MIN_SIZE = 9
# Distance between two columns, as a share of the font size.
COLUMN_SPACING = 1.5


@dataclass
class VerticalText:
    text: str
    size: float


def shaping_on(pdf: FPDF) -> None:
    pdf.set_text_shaping(use_shaping_engine=True, script="mong", language="mon")


def split_columns(pdf: FPDF, text: str, length: float) -> list[str]:
    """Break `text` at spaces into columns no longer than `length` mm at the current size."""
    columns: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and pdf.get_string_width(candidate) > length:
            columns.append(current)
            current = word
        else:
            current = candidate
    if current:
        columns.append(current)
    return columns


def draw_vertical_block(pdf: FPDF, items: list[VerticalText], *, x: float, y: float, length: float) -> float:
    """Draw each item as one or more columns from (x, y) downwards; return the width used (mm).

    A text longer than `length` shrinks down to MIN_SIZE points and then continues in the
    next column.
    """
    pdf.set_font(FONT_FAMILY, size=MIN_SIZE)
    shaping_on(pdf)
    left = x
    try:
        for item in items:
            if not item.text.strip():
                continue
            size = item.size
            pdf.set_font_size(size)
            while size > MIN_SIZE and pdf.get_string_width(item.text) > length:
                size -= 0.5
                pdf.set_font_size(size)
            size_mm = size * PT_TO_MM
            for column in split_columns(pdf, item.text.strip(), length):
                # Turned 90° clockwise about (middle, y), a cell drawn from there rightwards
                # runs downwards, and its vertical centre becomes the column's middle.
                # cell() rather than text(), because fpdf2 shapes only cell, multi_cell and write.
                middle = left + size_mm * COLUMN_SPACING / 2
                with pdf.rotation(angle=-90, x=middle, y=y):
                    pdf.set_xy(middle, y - size_mm * COLUMN_SPACING / 2)
                    pdf.cell(w=length, h=size_mm * COLUMN_SPACING, text=column)
                left += size_mm * COLUMN_SPACING
    finally:
        pdf.set_text_shaping(False)
    return left - x
