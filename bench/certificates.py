"""Time to render one certificate PDF and to build a ZIP of 500 of them.

Run with `.venv/bin/python bench/certificates.py`. It builds a throw-away SQLite database
and file storage in a temporary folder, so it touches no other data. The ZIP is built by
build_archive, the function the task worker runs, so zip_500_s includes saving the file
to storage. The baseline is a one-line PDF made with fpdf2's built-in Helvetica in the same
run, so the ratios compare machines fairly. The last line printed is a JSON object with
per_certificate_ms and zip_500_s.
"""

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE_SIZE = 500
SINGLE_RUNS = 20


def set_up_django(folder: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["LMS_VAR_DIR"] = folder
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def create_certificates(count: int):
    """Create one academy, agency and course, and `count` learners who completed it."""
    from decimal import Decimal

    from certificates.models import Certificate, CertificateSettings
    from certificates.services.codes import generate_code
    from courses.models import CoursePage
    from lms.demo.loader import load_home_page
    from lms.models import Agency, TrainingAcademy, User

    academy = TrainingAcademy.objects.create(
        code="bench-academy",
        name_mn="Шүүхийн сургалт, судалгаа, мэдээллийн академи",
        name_en="Judicial Training, Research and Information Academy",
        name_traditional="ᠱᠦᠦᠬᠡ ᠶᠢᠨ ᠰᠤᠷᠭᠠᠯᠲᠠ ᠰᠤᠳᠤᠯᠭᠠ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠦᠨ ᠠᠺᠠᠳᠧᠮᠢ",
    )
    CertificateSettings.objects.create(
        academy=academy,
        signatory_name_mn="Б. Батбаяр",
        signatory_name_en="B. Batbayar",
        signatory_title_mn="Академийн захирал",
        signatory_title_en="Director of the Academy",
        title_traditional="ᠭᠡᠷᠡᠴᠢᠯᠭᠡ",
    )
    agency = Agency.add_root(code="bench-agency", name_mn="Бенч байгууллага", academy=academy)
    course = CoursePage(
        title="Хүн худалдаалах гэмт хэргийн хохирогч төвтэй, хүүхдэд ээлтэй хэрэг хянан шийдвэрлэх ажиллагаа",
        title_en="Investigating and Prosecuting Trafficking in Persons Cases with Victim-Centered and "
        "Child-Friendly Approaches",
        slug="bench-course",
        estimated_hours=Decimal("16"),
        academy=academy,
    )
    load_home_page().add_child(instance=course)

    User.objects.bulk_create(
        User(email=f"bench{number}@example.mn", full_name=f"Өлзийбаярын Үүрцайх {number}", agency=agency)
        for number in range(count)
    )
    learners = User.objects.filter(email__startswith="bench")
    Certificate.objects.bulk_create(
        Certificate(learner=learner, course=course, completed_on="2026-12-04", code=generate_code())
        for learner in learners
    )
    return Certificate.objects.select_related("learner", "course__academy").order_by("pk")


def create_archive_request(course) -> int:
    """Create a queued archive of the course for a staff member of its academy; return its id."""
    from certificates.models import CertificateArchive
    from lms.models import User

    # The address must not start with "bench", or create_certificates' learner query matches it.
    staff = User.objects.create(email="staff@bench.example.mn", full_name="Бенч ажилтан", academy=course.academy)
    return CertificateArchive.objects.create(requested_by=staff, course=course).pk


def baseline_ms() -> float:
    from fpdf import FPDF

    def render() -> bytes:
        pdf = FPDF(orientation="L", format="A4")
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.cell(text="Certificate")
        return bytes(pdf.output())

    return median_ms(render, SINGLE_RUNS)


def median_ms(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        set_up_django(folder)
        from certificates.services.archives import build_archive
        from certificates.rendering.pdf import render_certificate

        certificates = create_certificates(ARCHIVE_SIZE)
        first = certificates.first()
        render_certificate(first)  # warm-up: imports and font parsing caches

        base = baseline_ms()
        single = median_ms(lambda: render_certificate(first), SINGLE_RUNS)
        print(f"baseline one-line PDF (Helvetica): {base:.1f} ms")
        print(f"one certificate: {single:.1f} ms (median of {SINGLE_RUNS}), {single / base:.1f}× baseline")

        archive_id = create_archive_request(first.course)
        rss_before = max_rss_mb()
        start = time.perf_counter()
        archive = build_archive(archive_id)
        zip_seconds = time.perf_counter() - start
        if archive.status != archive.Status.READY or archive.certificate_count != ARCHIVE_SIZE:
            raise SystemExit(f"archive build failed: status={archive.status} failure={archive.failure}")
        size_mb = archive.size_bytes / 1024 / 1024
        print(
            f"ZIP of {ARCHIVE_SIZE}: {zip_seconds:.1f} s, {size_mb:.1f} MB, "
            f"{zip_seconds * 1000 / ARCHIVE_SIZE / base:.1f}× baseline per certificate"
        )
        print(f"peak memory: {max_rss_mb():.0f} MB (before the ZIP: {rss_before:.0f} MB)")
        print(
            json.dumps(
                {
                    "per_certificate_ms": round(single, 1),
                    "zip_500_s": round(zip_seconds, 2),
                    "baseline_ms": round(base, 2),
                    "zip_500_mb": round(size_mb, 1),
                    "peak_rss_mb": round(max_rss_mb()),
                }
            )
        )


if __name__ == "__main__":
    main()
