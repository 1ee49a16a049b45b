"""Demo accounts, one per role. Every name here is invented."""

DEMO_PASSWORD = "demo-password-2026"
DEMO_TRAINER_EMAIL = "trainer@demo.example.mn"

# (e-mail, full name, sex, profession code, agency code, region code, group, academy code, superuser)
ACCOUNTS = [
    ("admin@demo.example.mn", "Сайтын Админ", "not_stated", None, None, None, "Сайтын администратор", None, True),
    ("staff@demo.example.mn", "Дорждамбын Сарангэрэл", "female", None, "supreme-court", "MN-1-CHINGELTEI",
     "Сургалтын байгууллагын ажилтан", "judicial-academy", False),
    ("police-staff@demo.example.mn", "Ганбаатарын Түвшин", "male", None, "national-police", "MN-1-BAYANGOL",
     "Сургалтын байгууллагын ажилтан", "police-agency", False),
    ("trainer@demo.example.mn", "Лхагвасүрэнгийн Өнөрмаа", "female", None, "supreme-court", "MN-1-KHAN-UUL",
     "Сургагч багш", None, False),
    ("judge@demo.example.mn", "Батсүхийн Мөнхзул", "female", "judge", "first-instance-courts", "MN-041",
     "Суралцагч", None, False),
    ("prosecutor@demo.example.mn", "Цэрэндоржийн Үүрцайх", "female", "prosecutor", "province-prosecutors",
     "MN-043", "Суралцагч", None, False),
    ("police@demo.example.mn", "Очирбатын Төмөрбаатар", "male", "police", "bayangol-police", "MN-1-BAYANGOL",
     "Суралцагч", None, False),
]
