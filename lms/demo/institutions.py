"""Demo academies and agencies. Real institution names, invented e-mail domains."""

# The last field is the name in traditional Mongolian script. It is left empty because an
# academy enters its official spelling in the admin.
ACADEMIES = [
    ("judicial-academy", "Шүүхийн сургалт, судалгаа, мэдээллийн академи",
     "Judicial Training, Research and Information Academy", ""),
    ("prosecutors-institute", "Улсын ерөнхий прокурорын газрын дэргэдэх Сургалт, судалгааны хүрээлэн",
     "Training and Research Institute of the General Prosecutor's Office", ""),
    ("police-agency", "Цагдаагийн ерөнхий газар", "National Police Agency", ""),
    ("internal-affairs-university", "Дотоод хэргийн их сургууль", "University of Internal Affairs", ""),
]

# (code, Mongolian, English, academy code, e-mail domains, children)
AGENCIES = [
    ("supreme-court", "Улсын дээд шүүх", "Supreme Court", "judicial-academy", "court.example.mn", [
        ("first-instance-courts", "Анхан шатны шүүхүүд", "Courts of first instance", "judicial-academy", "", []),
        ("appeal-courts", "Давж заалдах шатны шүүхүүд", "Courts of appeal", "judicial-academy", "", []),
    ]),
    ("prosecutor-general", "Улсын ерөнхий прокурорын газар", "General Prosecutor's Office",
     "prosecutors-institute", "prosecutor.example.mn", [
        ("capital-prosecutor", "Нийслэлийн прокурорын газар", "Capital City Prosecutor's Office",
         "prosecutors-institute", "", []),
        ("province-prosecutors", "Аймгийн прокурорын газрууд", "Provincial prosecutor's offices",
         "prosecutors-institute", "", []),
    ]),
    ("national-police", "Цагдаагийн ерөнхий газар", "National Police Agency", "police-agency", "police.example.mn", [
        ("metropolitan-police", "Нийслэлийн цагдаагийн удирдах газар", "Metropolitan Police Department",
         "police-agency", "", [
            ("bayangol-police", "Баянгол дүүргийн цагдаагийн хэлтэс", "Bayangol District Police Division",
             "police-agency", "", []),
            ("chingeltei-police", "Чингэлтэй дүүргийн цагдаагийн хэлтэс", "Chingeltei District Police Division",
             "police-agency", "", []),
        ]),
    ]),
    ("border-protection", "Хил хамгаалах ерөнхий газар", "Border Protection Agency",
     "internal-affairs-university", "", []),
    ("immigration", "Гадаадын иргэн, харьяатын газар", "Immigration Agency", "internal-affairs-university", "", []),
    ("customs", "Гаалийн ерөнхий газар", "Customs General Administration", "internal-affairs-university", "", []),
    ("child-family", "Хүүхэд, гэр бүлийн хөгжил, хамгааллын ерөнхий газар",
     "General Agency for Child and Family Development and Protection", "internal-affairs-university", "", []),
]
