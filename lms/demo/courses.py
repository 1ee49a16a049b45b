"""The two demo courses with their module titles in Mongolian and English."""

COURSES = [
    {
        "slug": "tip-victim-centred",
        "title_mn": "Хүн худалдаалах гэмт хэргийн хохирогч төвтэй, хүүхдэд ээлтэй хэрэг хянан шийдвэрлэх ажиллагаа",
        "title_en": "Investigating and Prosecuting Trafficking in Persons Cases with Victim-Centered and "
        "Child-Friendly Approaches",
        "summary_mn": "Шүүгч, прокурор, цагдаагийн алба хаагчдад зориулсан 10 модульт сургалт: хохирогч төвтэй, "
        "хүүхдэд ээлтэй арга барилаар хэргийг илрүүлэх, мөрдөн шалгах, яллах, шийдвэрлэх.",
        "summary_en": "A 10-module course for judges, prosecutors and police officers on detecting, investigating, "
        "prosecuting and adjudicating trafficking cases with victim-centred and child-friendly approaches.",
        "audience": ["judge", "prosecutor", "police"],
        "hours": 16,
        "academy": "judicial-academy",
        "modules": [
            ("ХХГХ-ийн тухай ойлголт", "Understanding trafficking in persons"),
            ("Олон улсын болон үндэсний эрх зүйн зохицуулалт", "International and national legal framework"),
            ("Хохирогчийг олж илрүүлэх, таньж тогтоох", "Identifying and recognising victims"),
            ("Хохирогчоос мэдүүлэг авах онцлог", "Interviewing victims: what is different"),
            ("Хохирогчид үзүүлэх тусламж, үйлчилгээ", "Assistance and services for victims"),
            ("Олон талт хамтын ажиллагаа", "Multi-stakeholder cooperation"),
            ("Кибер орчныг ашиглан үйлдэгдэж буй хэлбэрүүд", "Trafficking committed through cyberspace"),
            ("Гэмт хэргийг илрүүлэх, мөрдөн шалгах ажиллагаа", "Detecting and investigating trafficking cases"),
            ("Яллах ажиллагаа", "Prosecuting trafficking cases"),
            ("Шүүхээр хянан шийдвэрлэх ажиллагаа", "Adjudicating trafficking cases in court"),
        ],
    },
    {
        "slug": "cyber-tip-investigation",
        "title_mn": "Кибер орчныг ашиглаж үйлдсэн хүн худалдаалах гэмт хэргийн мөрдөн шалгах ажиллагаа",
        "title_en": "Investigating Cyber-Facilitated Trafficking in Persons Cases",
        "summary_mn": "Прокурор, цагдаагийн алба хаагчдад зориулсан 4 модульт сургалт: кибер орчинд үйлдэгдсэн "
        "ХХГХ-ийг илрүүлэх, мэдээлэл цуглуулах, цахим нотлох баримтыг бэхжүүлэх.",
        "summary_en": "A 4-module course for prosecutors and police officers on detecting cyber-facilitated "
        "trafficking, collecting information and securing digital evidence.",
        "audience": ["prosecutor", "police"],
        "hours": 8,
        "academy": "police-agency",
        "modules": [
            ("ХХГХ-ийн ерөнхий ойлголт, чиг хандлага", "Trafficking in persons: concepts and trends"),
            ("Кибер орчинд үйлдэгдэж буй ХХГХ-ийг илрүүлэх, мөрдөн шалгах онцлог",
             "Detecting and investigating cyber-facilitated trafficking"),
            ("Нээлттэй, хаалттай эх сурвалжаас мэдээлэл цуглуулах",
             "Collecting information from open and closed sources"),
            ("Цахим нотлох баримт, тоон ул мөрийг бэхжүүлэх", "Securing and preserving digital evidence"),
        ],
    },
]
