"""Speed of the profession × sex report against hand-written SQL, and memory of a streamed CSV.

Run with `.venv/bin/python bench/reports.py` while PostgreSQL listens on 127.0.0.1:5432
(override with BENCH_DATABASE_URL); add --reuse to time again on the data of an earlier run.
It drops and recreates the database lms_bench_reports,
migrates it, and generates 100 000 learners across the 30 regions and 200 agencies, both
courses (10 and 4 modules) and about 1.34 million module progress rows, written with COPY.

Then it times, in the same run:
- the report layer's profession × sex table (lms.reports.queries.by_profession), and
- hand-written SQL: a GROUP BY for the profession rows and one aggregate for the "all" row.
Each is the best of several runs, and `ratio` is report / SQL. Finally it streams the learner
list as CSV into a sink that keeps nothing: every learner enrolled in the first course
(100 000 rows), and a 10 000-row slice. It measures rows per second and the peak of Python
allocations with tracemalloc. The last line printed is a JSON object with report_s, sql_s,
ratio, csv_rows_per_s and csv_peak_mb.
"""

import itertools
import json
import os
import random
import sys
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "lms_bench_reports"
SERVER_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
LEARNERS = 100_000
AGENCY_ROOTS, UNITS_PER_ROOT = 20, 9  # 20 roots with 9 units each: 200 agencies
TIMING_RUNS = 9
ZONE = ZoneInfo("Asia/Ulaanbaatar")
# (profession code, share of learners)
PROFESSIONS = [("judge", 0.05), ("prosecutor", 0.20), ("police", 0.75)]


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def set_up_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ["DATABASE_URL"] = f"{SERVER_URL}/{DATABASE}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def copy_rows(model, rows) -> int:
    """Write dicts of field attnames into the model's table with COPY, filling defaults like Django would."""
    from django.db import connection, models
    from django.utils import timezone

    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    now = timezone.now()

    def default(field):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        if field.has_default():
            return field.get_default()
        if field.null:
            return None
        if field.blank and isinstance(field, (models.CharField, models.TextField)):
            return ""
        raise ValueError(f"{model.__name__}.{field.name} needs a value")

    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    defaults = {field.attname: default(field) for field in fields if field.attname not in first}
    json_fields = {field.attname for field in fields if isinstance(field, models.JSONField)}
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in itertools.chain([first], rows):
                values = []
                for field in fields:
                    value = row[field.attname] if field.attname in row else defaults[field.attname]
                    values.append(json.dumps(value) if field.attname in json_fields else value)
                copy.write_row(values)
                count += 1
    return count


def make_course(home, slug: str, title: str, audience: list[str], modules: int):
    from decimal import Decimal

    from courses.models import CoursePage, ModulePage
    from lms.models import Profession

    course = CoursePage(title=title, title_en=slug, slug=slug, estimated_hours=Decimal(8))
    home.add_child(instance=course)
    course.audience.set(Profession.objects.filter(code__in=audience))
    course.save_revision().publish()
    for number in range(1, modules + 1):
        module = ModulePage(title=f"{number}. Модуль", title_en=f"{number}. Module", slug=f"module-{number}")
        course.add_child(instance=module)
        module.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def generate() -> dict:
    """Create the reference data, then learners, enrolments and module progress in bulk."""
    from courses.models import Enrollment, ModulePage, ModuleProgress
    from lms.demo.loader import load_home_page
    from lms.models import Agency, Profession, Region, TrainingAcademy, User

    generator = random.Random(2026)
    academies = [TrainingAcademy.objects.create(code=f"academy-{n}", name_mn=f"Академи {n}") for n in range(4)]
    agency_ids = []
    for root_number in range(AGENCY_ROOTS):
        root = Agency.add_root(code=f"agency-{root_number}", name_mn=f"Байгууллага {root_number:02d}",
                               academy=academies[root_number % len(academies)])
        agency_ids.append(root.pk)
        for unit_number in range(UNITS_PER_ROOT):
            root = Agency.objects.get(pk=root.pk)
            unit = root.add_child(code=f"agency-{root_number}-{unit_number}",
                                  name_mn=f"Нэгж {root_number:02d}-{unit_number}", academy=root.academy)
            agency_ids.append(unit.pk)
    region_ids = list(Region.objects.values_list("pk", flat=True))
    professions = {p.code: p.pk for p in Profession.objects.all()}

    home = load_home_page()
    tip = make_course(home, "tip-victim-centred", "Хохирогч төвтэй сургалт", ["judge", "prosecutor", "police"], 10)
    cyber = make_course(home, "cyber-tip-investigation", "Кибер сургалт", ["prosecutor", "police"], 4)
    modules = {
        course.pk: list(ModulePage.objects.child_of(course).order_by("path").values_list("pk", flat=True))
        for course in (tip, cyber)
    }

    started = time.perf_counter()
    codes, weights = zip(*PROFESSIONS)
    learner_specs = []
    for number in range(LEARNERS):
        code = generator.choices(codes, weights)[0]
        sex = generator.choices(["male", "female", "not_stated"], [0.6, 0.37, 0.03])[0]
        learner_specs.append((number, code, sex))
    copy_rows(User, (
        {
            "password": "!",
            "email": f"learner{number}@bench.example.mn",
            "full_name": f"Суралцагч {number}",
            "sex": sex,
            "profession_id": professions[code],
            "agency_id": agency_ids[number % len(agency_ids)],
            "region_id": region_ids[number % len(region_ids)],
            "rank": "ахлах ажилтан",
            "service_start_date": date(2010, 1, 1) + timedelta(days=number % 5800),
            "status": "approved",
            "preferred_language": "mn",
        }
        for number, code, sex in learner_specs
    ))
    learner_ids = list(User.objects.filter(email__endswith="@bench.example.mn").order_by("pk").values_list("pk", flat=True))
    print(f"learners: {len(learner_ids)} in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    enrolments, progress = [], []
    for learner_id, (_number, code, _sex) in zip(learner_ids, learner_specs):
        courses = [(tip, 0.95)] + ([(cyber, 0.90)] if code != "judge" else [])
        for course, completed_share in courses:
            enrolled = datetime(2025, 1, 1, 9, tzinfo=ZONE) + timedelta(minutes=generator.randrange(300 * 24 * 60))
            completed = generator.random() < completed_share
            course_modules = modules[course.pk]
            touched = len(course_modules) if completed else generator.randint(1, len(course_modules) - 1)
            finished = enrolled + timedelta(days=generator.randint(1, 60))
            enrolments.append({
                "learner_id": learner_id,
                "course_id": course.pk,
                "status": "completed" if completed else "in_progress",
                "mode": "online",
                "enrolled_at": enrolled,
                "due_date": (enrolled + timedelta(days=90)).date(),
                "completed_at": finished if completed else None,
            })
            for index, module_id in enumerate(course_modules[:touched]):
                done = completed or index < touched - 1
                progress.append({
                    "learner_id": learner_id,
                    "module_id": module_id,
                    "watched_seconds": 600.0,
                    "position_seconds": 600.0 if done else 120.0,
                    "watch_complete": done,
                    "completed_at": enrolled + timedelta(days=index) if done else None,
                })
    copy_rows(Enrollment, enrolments)
    progress_count = copy_rows(ModuleProgress, progress)
    print(f"enrolments: {len(enrolments)}, module progress rows: {progress_count} "
          f"in {time.perf_counter() - started:.1f} s")

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"tip": tip, "progress_rows": progress_count}


def existing_data() -> dict:
    from courses.models import CoursePage, ModuleProgress

    tip = CoursePage.objects.get(slug="tip-victim-centred")
    count = ModuleProgress.objects.count()
    print(f"reusing {DATABASE}: {count} module progress rows")
    return {"tip": tip, "progress_rows": count}


def best_of_interleaved(first, second, runs: int = TIMING_RUNS) -> tuple[float, float]:
    """Time two functions alternately and return the best time of each.

    Alternating spreads background load over both, so the ratio is fairer on a busy machine.
    """
    timings: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for function, results in ((first, timings[0]), (second, timings[1])):
            started = time.perf_counter()
            function()
            results.append(time.perf_counter() - started)
    return min(timings[0]), min(timings[1])


# The same two results the report needs: one row per profession, and the "all" row.
HAND_WRITTEN_SQL = """
SELECT u.profession_id,
       COUNT(DISTINCT e.learner_id),
       COUNT(DISTINCT e.learner_id) FILTER (WHERE u.sex = 'male'),
       COUNT(DISTINCT e.learner_id) FILTER (WHERE u.sex = 'female'),
       COUNT(DISTINCT e.learner_id) FILTER (WHERE u.sex NOT IN ('male', 'female'))
FROM courses_enrollment e JOIN lms_user u ON u.id = e.learner_id
WHERE e.course_id = %s AND e.status = 'completed' AND e.completed_at >= %s AND e.completed_at < %s
GROUP BY u.profession_id
"""
HAND_WRITTEN_TOTAL_SQL = """
SELECT COUNT(DISTINCT e.learner_id),
       COUNT(DISTINCT e.learner_id) FILTER (WHERE u.sex = 'male'),
       COUNT(DISTINCT e.learner_id) FILTER (WHERE u.sex = 'female'),
       COUNT(DISTINCT e.learner_id) FILTER (WHERE u.sex NOT IN ('male', 'female'))
FROM courses_enrollment e JOIN lms_user u ON u.id = e.learner_id
WHERE e.course_id = %s AND e.status = 'completed' AND e.completed_at >= %s AND e.completed_at < %s
"""


def time_reports(tip) -> tuple[float, float]:
    from django.db import connection

    from lms.reports.filters import ReportFilters
    from lms.reports.queries import by_profession

    filters = ReportFilters(courses=(tip,), date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    start, end = filters.period_bounds()

    def report():
        return by_profession(filters, viewer=None)

    def sql():
        with connection.cursor() as cursor:
            cursor.execute(HAND_WRITTEN_SQL, [tip.pk, start, end])
            rows = cursor.fetchall()
            cursor.execute(HAND_WRITTEN_TOTAL_SQL, [tip.pk, start, end])
            return rows, cursor.fetchone()

    table = report()
    rows, sql_total = sql()
    if list(sql_total) != table.all_row.counts:
        raise SystemExit(f"report and SQL disagree: {table.all_row.counts} vs {sql_total}")
    report_rows = {row.key: row.counts for row in table.rows}
    from lms.models import Profession

    codes = dict(Profession.objects.values_list("pk", "code"))
    if any(report_rows.get(codes.get(row[0])) != list(row[1:]) for row in rows):
        raise SystemExit("report and SQL disagree on a profession row")
    print(f"all row: {table.all_row.counts} (report and SQL agree)")

    report_s, sql_s = best_of_interleaved(report, sql)
    print(f"profession × sex report: {report_s * 1000:.1f} ms; hand-written SQL: {sql_s * 1000:.1f} ms")
    return report_s, sql_s


def stream_csv(filters) -> tuple[int, float, float]:
    """Stream the learner list as CSV into a sink; return rows, seconds without tracing, and peak MiB traced."""
    from lms.reports.exports import csv_lines
    from lms.reports.registry import build_document

    def consume() -> int:
        lines = 0
        for _line in csv_lines(build_document("learners", filters, viewer=None)):
            lines += 1
        return lines

    started = time.perf_counter()
    lines = consume()
    seconds = time.perf_counter() - started

    tracemalloc.start()
    consume()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    header_lines = len(build_document("learners", filters, viewer=None).preamble()) + 2  # BOM and column row
    return lines - header_lines, seconds, peak / (1024 * 1024)


def main() -> None:
    # Progress lines should appear as they happen even when the output goes to a file.
    sys.stdout.reconfigure(line_buffering=True)
    overall = time.perf_counter()
    if "--reuse" in sys.argv[1:]:
        # Re-time against the data of an earlier run, skipping the data generation.
        set_up_django()
        data = existing_data()
    else:
        recreate_database()
        set_up_django()
        print(f"database {DATABASE} migrated in {time.perf_counter() - overall:.1f} s")
        data = generate()
    report_s, sql_s = time_reports(data["tip"])

    from lms.reports.filters import Measure, ReportFilters

    everyone = ReportFilters(courses=(data["tip"],), measure=Measure.ENROLLED)
    # Learners enrolled in the first course during one month: about a tenth of them.
    one_month = ReportFilters(courses=(data["tip"],), measure=Measure.ENROLLED,
                              date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    small_rows, small_s, small_peak = stream_csv(one_month)
    rows, seconds, peak = stream_csv(everyone)
    print(f"CSV {small_rows} rows: {small_rows / small_s:.0f} rows/s, peak {small_peak:.2f} MiB (tracemalloc)")
    print(f"CSV {rows} rows: {rows / seconds:.0f} rows/s, peak {peak:.2f} MiB (tracemalloc)")
    print(f"total bench time {time.perf_counter() - overall:.0f} s")

    print(json.dumps({
        "report_s": round(report_s, 4),
        "sql_s": round(sql_s, 4),
        "ratio": round(report_s / sql_s, 2),
        "csv_rows_per_s": round(rows / seconds),
        "csv_peak_mb": round(peak, 2),
    }))


if __name__ == "__main__":
    main()
