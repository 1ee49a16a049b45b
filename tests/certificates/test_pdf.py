import io
from datetime import date
from decimal import Decimal

import pytest
import uharfbuzz as hb
import zxingcpp
from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader

from certificates.models import CertificateSettings
from certificates.rendering.dates import english_date, mongolian_date
from certificates.rendering.pdf import FONTS, certificate_content, format_hours, render_certificate, render_content
from certificates.rendering.traditional import FONT_FAMILY as MONGOLIAN_FAMILY
from certificates.rendering.traditional import VerticalText, draw_vertical_block

from .conftest import COURSE_TITLE, LEARNER_NAME

A4_LANDSCAPE = (842, 595)  # points
CERTIFICATE_WORD = "ᠭᠡᠷᠡᠴᠢᠯᠭᠡ"  # гэрчилгээ in traditional script


def pdf_text(data: bytes) -> str:
    page = PdfReader(io.BytesIO(data)).pages[0]
    return " ".join(page.extract_text().split())


def test_pdf_is_a4_landscape(certificate):
    page = PdfReader(io.BytesIO(render_certificate(certificate))).pages[0]

    assert (round(page.mediabox.width), round(page.mediabox.height)) == A4_LANDSCAPE


def test_pdf_text_has_name_title_and_code(certificate):
    text = pdf_text(render_certificate(certificate))

    assert LEARNER_NAME in text
    assert COURSE_TITLE in text
    assert certificate.code in text
    assert "2026 оны 12 сарын 4" in text
    assert "4 December 2026" in text
    assert "Сургалтын цаг: 16" in text
    assert certificate.course.academy.name_mn in text


def test_pdf_prints_signatory_of_course_over_academy(certificate, academy, course):
    CertificateSettings.objects.create(academy=academy, signatory_name_mn="Б. Батбаяр", signatory_title_mn="Захирал")
    CertificateSettings.objects.create(
        academy=academy, course=course, signatory_name_mn="Д. Сарангэрэл", signatory_title_en="Head of Training"
    )

    text = pdf_text(render_certificate(certificate))

    assert "Д. Сарангэрэл" in text
    assert "Head of Training" in text
    assert "Б. Батбаяр" not in text


def test_pdf_qr_code_opens_verification_url(certificate, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://lms.example.mn"
    page = PdfReader(io.BytesIO(render_certificate(certificate))).pages[0]

    [qr_image] = page.images
    [barcode] = zxingcpp.read_barcodes(qr_image.image)

    assert barcode.text == f"https://lms.example.mn/c/{certificate.code}/"


def test_long_name_stays_whole_on_page(certificate):
    content = certificate_content(certificate)
    content.learner_name = " ".join(["Өлзийбаярын Үүрцайх"] * 9)

    page = PdfReader(io.BytesIO(render_content(content))).pages[0]
    positions = []

    def collect(text, cm, tm, font_dict, font_size):
        if text.strip():
            positions.append(tm[4] * cm[0] + cm[4])

    text = page.extract_text(visitor_text=collect)

    assert content.learner_name in " ".join(text.split())
    assert positions
    assert min(positions) >= 0
    assert max(positions) <= A4_LANDSCAPE[0]


def test_mongolian_and_english_dates():
    assert mongolian_date(date(2026, 12, 4)) == "2026 оны 12 сарын 4"
    assert english_date(date(2026, 12, 4)) == "4 December 2026"


def shaped_glyphs(text: str) -> list[int]:
    blob = hb.Blob.from_file_path(str(FONTS / "NotoSansMongolian-Regular.ttf"))
    font = hb.Font(hb.Face(blob))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    return [info.codepoint for info in buffer.glyph_infos]


def nominal_glyphs(text: str) -> set[int]:
    """Return the glyph ids the font's cmap gives each letter: its isolated form."""
    font = TTFont(FONTS / "NotoSansMongolian-Regular.ttf")
    cmap = font.getBestCmap()
    return {font.getGlyphID(cmap[ord(letter)]) for letter in text}


def test_shaping_picks_contextual_forms():
    assert set(shaped_glyphs(CERTIFICATE_WORD)).isdisjoint(nominal_glyphs(CERTIFICATE_WORD))


def test_vertical_text_draws_joined_forms():
    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.add_font(MONGOLIAN_FAMILY, "", FONTS / "NotoSansMongolian-Regular.ttf")

    draw_vertical_block(pdf, [VerticalText(CERTIFICATE_WORD, 20)], x=16, y=20, length=170)

    subset = pdf.fonts[MONGOLIAN_FAMILY.lower()].subset
    drawn = {glyph.glyph_id for glyph, _ in subset.items() if glyph.glyph_name not in (".notdef", "space")}
    assert drawn == set(shaped_glyphs(CERTIFICATE_WORD))
    assert drawn.isdisjoint(nominal_glyphs(CERTIFICATE_WORD))


def test_pdf_embeds_traditional_script_font(certificate, academy):
    academy.name_traditional = "ᠱᠦᠦᠬᠡ ᠶᠢᠨ ᠠᠺᠠᠳᠧᠮᠢ"  # Шүүхийн академи
    academy.save(update_fields=["name_traditional"])
    CertificateSettings.objects.create(academy=academy, title_traditional=CERTIFICATE_WORD)

    reader = PdfReader(io.BytesIO(render_certificate(certificate)))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    }

    assert any("NotoSansMongolian" in name for name in fonts)


@pytest.mark.parametrize("hours, printed", [("16.0", "16"), ("1.5", "1.5")])
def test_hours_printed_without_trailing_zero(hours, printed):
    assert format_hours(Decimal(hours)) == printed


def test_demo_settings_load_once(academy):
    from certificates.demo import load_demo_certificate_settings

    assert load_demo_certificate_settings() == 1
    assert load_demo_certificate_settings() == 0
    assert CertificateSettings.objects.get(academy=academy).title_traditional
