"""Regions of Mongolia and the starting list of professions."""

from django.db import migrations

PROVINCES = [
    ("MN-073", "Архангай", "Arkhangai"),
    ("MN-071", "Баян-Өлгий", "Bayan-Ölgii"),
    ("MN-069", "Баянхонгор", "Bayankhongor"),
    ("MN-067", "Булган", "Bulgan"),
    ("MN-065", "Говь-Алтай", "Govi-Altai"),
    ("MN-064", "Говьсүмбэр", "Govisümber"),
    ("MN-037", "Дархан-Уул", "Darkhan-Uul"),
    ("MN-063", "Дорноговь", "Dornogovi"),
    ("MN-061", "Дорнод", "Dornod"),
    ("MN-059", "Дундговь", "Dundgovi"),
    ("MN-057", "Завхан", "Zavkhan"),
    ("MN-035", "Орхон", "Orkhon"),
    ("MN-055", "Өвөрхангай", "Övörkhangai"),
    ("MN-053", "Өмнөговь", "Ömnögovi"),
    ("MN-051", "Сүхбаатар", "Sükhbaatar"),
    ("MN-049", "Сэлэнгэ", "Selenge"),
    ("MN-047", "Төв", "Töv"),
    ("MN-046", "Увс", "Uvs"),
    ("MN-043", "Ховд", "Khovd"),
    ("MN-041", "Хөвсгөл", "Khövsgöl"),
    ("MN-039", "Хэнтий", "Khentii"),
]

# The capital's districts have no ISO 3166-2 codes of their own, so they extend MN-1.
CAPITAL_DISTRICTS = [
    ("MN-1-BAGANUUR", "Багануур", "Baganuur"),
    ("MN-1-BAGAKHANGAI", "Багахангай", "Bagakhangai"),
    ("MN-1-BAYANGOL", "Баянгол", "Bayangol"),
    ("MN-1-BAYANZURKH", "Баянзүрх", "Bayanzürkh"),
    ("MN-1-NALAIKH", "Налайх", "Nalaikh"),
    ("MN-1-SONGINOKHAIRKHAN", "Сонгинохайрхан", "Songinokhairkhan"),
    ("MN-1-SUKHBAATAR", "Сүхбаатар дүүрэг", "Sükhbaatar district"),
    ("MN-1-KHAN-UUL", "Хан-Уул", "Khan-Uul"),
    ("MN-1-CHINGELTEI", "Чингэлтэй", "Chingeltei"),
]

PROFESSIONS = [
    ("judge", "Шүүгч", "Judge"),
    ("prosecutor", "Прокурор", "Prosecutor"),
    ("police", "Цагдаагийн алба хаагч", "Police officer"),
    ("border", "Хил хамгаалах алба хаагч", "Border protection officer"),
    ("immigration", "Гадаадын иргэн, харьяатын албан хаагч", "Immigration officer"),
    ("customs", "Гаалийн албан хаагч", "Customs officer"),
    ("child_protection", "Хүүхэд, гэр бүлийн хамгааллын ажилтан", "Child and family protection worker"),
    ("cadet", "Курсант", "Cadet"),
    ("other", "Бусад", "Other"),
]


def load(apps, schema_editor):
    Region = apps.get_model("lms", "Region")
    Profession = apps.get_model("lms", "Profession")
    for order, (code, name_mn, name_en) in enumerate(PROVINCES):
        Region.objects.update_or_create(
            code=code, defaults={"name_mn": name_mn, "name_en": name_en, "kind": "province", "sort_order": order}
        )
    for order, (code, name_mn, name_en) in enumerate(CAPITAL_DISTRICTS):
        Region.objects.update_or_create(
            code=code,
            defaults={"name_mn": name_mn, "name_en": name_en, "kind": "capital_district", "sort_order": order},
        )
    for order, (code, name_mn, name_en) in enumerate(PROFESSIONS):
        Profession.objects.update_or_create(
            code=code, defaults={"name_mn": name_mn, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("lms", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
