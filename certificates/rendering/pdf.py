"""The certificate as an A4 landscape PDF: Mongolian first, English second.

Texts printed on the certificate are fixed in both languages rather than translated,
because every certificate carries both whatever the interface language is.
"""

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from fpdf import FPDF
from fpdf.enums import Align

from ..models import Certificate, CertificateSettings
from .dates import english_date, mongolian_date
from .text import fitted_text
from .traditional import FONT_FAMILY as MONGOLIAN_FAMILY
from .traditional import VerticalText, draw_vertical_block

FONTS = Path(__file__).resolve().parent.parent / "fonts"
SERIF = "NotoSerif"

PAGE_WIDTH, PAGE_HEIGHT = 297, 210
MARGIN = 18
INK = (25, 45, 90)
GREY = (90, 90, 90)
QR_SIZE = 32


@dataclass
class CertificateContent:
    """Everything printed on one certificate, read from the database once."""

    learner_name: str
    course_title_mn: str
    course_title_en: str
    hours: Decimal
    completed_on: date
    academy_mn: str
    academy_en: str
    academy_traditional: str
    title_traditional: str
    signatory_name_mn: str
    signatory_name_en: str
    signatory_title_mn: str
    signatory_title_en: str
    code: str
    verification_url: str


def verification_url(code: str) -> str:
    """Return the absolute URL the QR code opens."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certificates:verify", args=[code])


def certificate_content(certificate: Certificate) -> CertificateContent:
    course = certificate.course
    academy = course.academy
    signing = CertificateSettings.for_course(course)
    return CertificateContent(
        learner_name=certificate.learner.full_name,
        course_title_mn=course.title,
        course_title_en=course.title_en,
        hours=course.estimated_hours,
        completed_on=certificate.completed_on,
        academy_mn=academy.name_mn if academy else "",
        academy_en=academy.name_en if academy else "",
        academy_traditional=academy.name_traditional if academy else "",
        title_traditional=signing.title_traditional,
        signatory_name_mn=signing.signatory_name_mn,
        signatory_name_en=signing.signatory_name_en,
        signatory_title_mn=signing.signatory_title_mn,
        signatory_title_en=signing.signatory_title_en,
        code=certificate.code,
        verification_url=verification_url(certificate.code),
    )


def format_hours(hours: Decimal) -> str:
    """Return 16 for 16.0 and 1.5 for 1.5."""
    normalised = hours.normalize()
    return f"{normalised:f}"


def new_document() -> FPDF:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font(SERIF, "", FONTS / "NotoSerif-Regular.ttf")
    pdf.add_font(SERIF, "B", FONTS / "NotoSerif-Bold.ttf")
    pdf.add_font(MONGOLIAN_FAMILY, "", FONTS / "NotoSansMongolian-Regular.ttf")
    for font in pdf.fonts.values():
        # The shipped fonts already carry exact bounding boxes, so fontTools can copy each
        # glyph unchanged when fpdf2 subsets the font. Decoding and re-encoding every glyph
        # took about a third of the rendering time.
        font.ttfont.recalcBBoxes = False
    pdf.set_creator("TIP training platform")
    return pdf


def draw_frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.8)
    pdf.rect(8, 8, PAGE_WIDTH - 16, PAGE_HEIGHT - 16)
    pdf.set_line_width(0.25)
    pdf.rect(10.5, 10.5, PAGE_WIDTH - 21, PAGE_HEIGHT - 21)


def draw_traditional(pdf: FPDF, content: CertificateContent) -> float:
    """Set the title and the academy's name in traditional script at the left edge; return the strip's right edge."""
    items = [VerticalText(content.title_traditional, 20), VerticalText(content.academy_traditional, 13)]
    if not any(item.text.strip() for item in items):
        return MARGIN
    width = draw_vertical_block(pdf, items, x=16, y=20, length=PAGE_HEIGHT - 40)
    right = 16 + width
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.25)
    pdf.line(right + 2, 20, right + 2, PAGE_HEIGHT - 20)
    return right + 8


def draw_body(pdf: FPDF, content: CertificateContent, left: float) -> None:
    width = PAGE_WIDTH - MARGIN - left
    box = {"x": left, "width": width}
    y = 18

    pdf.set_text_color(*INK)
    pdf.set_font(SERIF, "B")
    y += fitted_text(pdf, content.academy_mn, y=y, height=11, max_size=13, min_single_line_size=10, **box)
    pdf.set_font(SERIF, "")
    y += fitted_text(pdf, content.academy_en, y=y, height=9, max_size=10, min_single_line_size=8, **box)

    y += 3
    pdf.set_font(SERIF, "B")
    y += fitted_text(pdf, "ГЭРЧИЛГЭЭ", y=y, height=13, max_size=30, **box)
    pdf.set_font(SERIF, "")
    pdf.set_char_spacing(2)
    y += fitted_text(pdf, "CERTIFICATE", y=y, height=7, max_size=13, **box)
    pdf.set_char_spacing(0)

    y += 3
    pdf.set_text_color(*GREY)
    y += fitted_text(pdf, "Энэхүү гэрчилгээгээр / This certifies that", y=y, height=6, max_size=11, **box)

    pdf.set_text_color(0, 0, 0)
    pdf.set_font(SERIF, "B")
    name_height = 22
    fitted_text(pdf, content.learner_name, y=y, height=name_height, max_size=26, min_single_line_size=16, middle=True, **box)
    y += name_height

    pdf.set_text_color(*GREY)
    pdf.set_font(SERIF, "")
    y += fitted_text(
        pdf,
        "дараах сургалтыг амжилттай дуусгасныг гэрчилнэ / has successfully completed the course",
        y=y,
        height=6,
        max_size=11,
        **box,
    )

    y += 2
    pdf.set_text_color(*INK)
    pdf.set_font(SERIF, "B")
    title_height = 17
    fitted_text(pdf, f"«{content.course_title_mn}»", y=y, height=title_height, max_size=16, min_single_line_size=12, middle=True, **box)
    y += title_height
    pdf.set_font(SERIF, "")
    if content.course_title_en:
        english_height = 10
        fitted_text(pdf, content.course_title_en, y=y, height=english_height, max_size=11, min_single_line_size=9, middle=True, **box)
        y += english_height

    y += 2
    hours = format_hours(content.hours)
    pdf.set_text_color(0, 0, 0)
    y += fitted_text(
        pdf,
        f"Сургалтын цаг: {hours}    Дуусгасан огноо: {mongolian_date(content.completed_on)}",
        y=y,
        height=6,
        max_size=11,
        **box,
    )
    fitted_text(
        pdf,
        f"Hours: {hours}    Completed on: {english_date(content.completed_on)}",
        y=y,
        height=6,
        max_size=10,
        **box,
    )


def draw_signatory(pdf: FPDF, content: CertificateContent, left: float) -> None:
    width = 105
    top = 163
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.3)
    pdf.line(left + 5, top, left + width - 5, top)
    box = {"x": left, "width": width}
    y = top + 1.5
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(SERIF, "B")
    y += fitted_text(pdf, content.signatory_name_mn, y=y, height=6, max_size=11, min_single_line_size=8, **box)
    pdf.set_font(SERIF, "")
    y += fitted_text(pdf, content.signatory_title_mn, y=y, height=9, max_size=9, min_single_line_size=7, **box)
    pdf.set_text_color(*GREY)
    y += fitted_text(pdf, content.signatory_name_en, y=y, height=5, max_size=9, min_single_line_size=7, **box)
    fitted_text(pdf, content.signatory_title_en, y=y, height=8, max_size=8, min_single_line_size=7, **box)


def qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=6, border=4)
    buffer.seek(0)
    return buffer


def draw_verification(pdf: FPDF, content: CertificateContent) -> None:
    qr_left = PAGE_WIDTH - MARGIN - QR_SIZE + 3
    qr_top = PAGE_HEIGHT - MARGIN - QR_SIZE + 4
    pdf.image(qr_png(content.verification_url), x=qr_left, y=qr_top, w=QR_SIZE, h=QR_SIZE)

    text_right = qr_left
    width = 80
    box = {"x": text_right - width, "width": width}
    pdf.set_text_color(*GREY)
    pdf.set_font(SERIF, "")
    y = qr_top + 6
    y += fitted_text(pdf, "Баталгаажуулах код / Verification code", y=y, height=5, max_size=8, **box)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(SERIF, "B")
    y += fitted_text(pdf, content.code, y=y, height=7, max_size=14, **box)
    pdf.set_text_color(*GREY)
    pdf.set_font(SERIF, "")
    fitted_text(pdf, content.verification_url, y=y, height=8, max_size=7, min_single_line_size=6, **box)


def render_content(content: CertificateContent) -> bytes:
    pdf = new_document()
    pdf.set_title(f"{content.learner_name} — {content.course_title_mn}")
    pdf.add_page()
    draw_frame(pdf)
    left = draw_traditional(pdf, content)
    draw_body(pdf, content, left)
    draw_signatory(pdf, content, left)
    draw_verification(pdf, content)
    return bytes(pdf.output())


def render_certificate(certificate: Certificate) -> bytes:
    """Return the certificate's PDF."""
    return render_content(certificate_content(certificate))
