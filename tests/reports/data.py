"""Generated import files, such as the 785 officials of the annual-report table."""

import csv
import io

# (profession code, men, women): the programme's published figures.
DOMAIN_TABLE = [("judge", 58, 77), ("prosecutor", 71, 97), ("police", 381, 101)]

REGION_CODES = [
    "MN-073", "MN-071", "MN-069", "MN-067", "MN-065", "MN-064", "MN-037", "MN-063", "MN-061", "MN-059",
    "MN-057", "MN-035", "MN-055", "MN-053", "MN-051", "MN-049", "MN-047", "MN-046", "MN-043", "MN-041",
    "MN-039", "MN-1-BAGANUUR", "MN-1-BAGAKHANGAI", "MN-1-BAYANGOL", "MN-1-BAYANZURKH", "MN-1-NALAIKH",
    "MN-1-SONGINOKHAIRKHAN", "MN-1-SUKHBAATAR", "MN-1-KHAN-UUL", "MN-1-CHINGELTEI",
]

HEADER = ["Овог нэр", "И-мэйл", "Регистрийн дугаар", "Хүйс", "Мэргэжил", "Байгууллага", "Аймаг, дүүрэг", "Сургалт",
          "Дуусгасан огноо"]


def domain_rows(course_slug: str, agency_code: str, completed_on: str = "2025-06-20") -> list[list[str]]:
    """Return one row per official of the published table, spread over all 30 regions."""
    rows = []
    number = 0
    for profession_code, men, women in DOMAIN_TABLE:
        for sex, count in (("эр", men), ("эм", women)):
            for _ in range(count):
                number += 1
                region = REGION_CODES[number % len(REGION_CODES)]
                identifier = f"УБ{number:08d}"
                email = f"official{number}@example.mn" if number % 2 else ""
                rows.append([f"Албан хаагч {number}", email, identifier, sex, profession_code, agency_code, region,
                             course_slug, completed_on])
    return rows


def csv_bytes(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
