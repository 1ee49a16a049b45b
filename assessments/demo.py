"""Demo quizzes: a short quiz per demo module, and a pre-test and final exam for course 1.

Each question is (kind, Mongolian text, English text, [(Mongolian choice, English choice,
correct), ...]). The loader looks every object up first, so running it twice is safe.
"""

import logging
from datetime import timedelta

from django.db import transaction

from courses.models import CoursePage, ModulePage

from .models import Choice, Question, QuestionPool, Quiz

logger = logging.getLogger(__name__)

SINGLE, MULTIPLE, TRUE_FALSE = Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.TRUE_FALSE
TRUE = ("Үнэн", "True")
FALSE = ("Худал", "False")


def true_false(text_mn: str, text_en: str, answer: bool) -> tuple:
    return (TRUE_FALSE, text_mn, text_en, [(*TRUE, answer), (*FALSE, not answer)])


COURSE_1_MODULES = [
    [
        (SINGLE, "Палермогийн протоколын дагуу хүн худалдаалах гэмт хэрэг ямар гурван бүрэлдэхүүнтэй вэ?",
         "Under the Palermo Protocol, what are the three elements of trafficking in persons?",
         [("Үйлдэл, арга, зорилго", "Act, means, purpose", True),
          ("Хил давуулах, мөнгө, хүчирхийлэл", "Border crossing, money, violence", False),
          ("Хохирогчийн зөвшөөрөл, хөлс, гэрээ", "Victim's consent, payment, contract", False)]),
        true_false("Хохирогч хүүхэд бол «арга» буюу хүч хэрэглэсэн, хууран мэхэлсэн зэргийг нотлох шаардлагагүй.",
                   "When the victim is a child, the «means» element does not have to be proved.", True),
    ],
    [
        (SINGLE, "Хүн худалдаалах гэмт хэргийг Монгол Улсын Эрүүгийн хуулийн аль зүйлд заасан бэ?",
         "Which article of the Criminal Code of Mongolia sets out the crime of trafficking in persons?",
         [("13.1 дүгээр зүйл", "Article 13.1", True),
          ("10.1 дүгээр зүйл", "Article 10.1", False),
          ("17.1 дүгээр зүйл", "Article 17.1", False)]),
        true_false("Аль нэг арга хэрэглэсэн бол хохирогч мөлжлөгийг зөвшөөрсөн нь ач холбогдолгүй.",
                   "Where any of the means was used, the victim's consent to the exploitation is irrelevant.", True),
    ],
    [
        (MULTIPLE, "Аль нь хүн худалдаалах гэмт хэргийн хохирогчийн шинж тэмдэг байж болох вэ?",
         "Which of these can be signs that a person is a victim of trafficking?",
         [("Бичиг баримтаа өөрөө хадгалж чаддаггүй", "Cannot keep their own identity documents", True),
          ("Ажил олгогчдоо төлж барахгүй өртэй", "Owes the employer a debt that never gets paid off", True),
          ("Ажлаасаа чөлөөтэй гарч чаддаг", "Can leave the job freely", False)]),
        true_false("Хохирогч өөрийгөө хохирогч гэж үргэлж хүлээн зөвшөөрдөг.",
                   "Victims always see themselves as victims.", False),
    ],
    [
        (SINGLE, "Хүүхэд хохирогчоос мэдүүлэг авахдаа юуг нэн тэргүүнд тавих вэ?",
         "What comes first when interviewing a child victim?",
         [("Хүүхдийн аюулгүй байдал, сэтгэл санааны байдал", "The child's safety and wellbeing", True),
          ("Мэдүүлгийг аль болох олон удаа давтан авах", "Repeating the interview as often as possible", False),
          ("Сэжигтэнтэй нүүрэлдүүлэх", "Confronting the child with the suspect", False)]),
        true_false("Мэдүүлгийг олон дахин давтан авах нь хохирогчид дахин сэтгэцийн гэмтэл учруулах эрсдэлтэй.",
                   "Repeated interviews risk traumatising the victim again.", True),
    ],
    [
        (SINGLE, "Хохирогчид тусламж үзүүлэх эсэх нь юунаас хамаарах ёстой вэ?",
         "What should assistance to a victim depend on?",
         [("Хэрэгцээнээс нь, мөрдөн шалгалтад хамтран ажиллах эсэхээс үл хамааран",
           "Their needs, whether or not they cooperate with the investigation", True),
          ("Зөвхөн мэдүүлэг өгсөн эсэхээс", "Only whether they have testified", False),
          ("Иргэншлээс нь", "Their citizenship", False)]),
        true_false("Хохирогчийн хувийн мэдээллийн нууцлалыг хамгаалах нь тусламжийн нэг хэсэг юм.",
                   "Protecting the victim's personal data is part of assistance.", True),
    ],
    [
        (SINGLE, "Олон талт хамтын ажиллагааны гол зорилго юу вэ?",
         "What is the main aim of multi-stakeholder cooperation?",
         [("Хохирогчийг илрүүлэх, хамгаалах, хэргийг шийдвэрлэх ажлыг уялдуулах",
           "Coordinating the identification and protection of victims and the handling of cases", True),
          ("Бүх ажлыг нэг байгууллагад төвлөрүүлэх", "Concentrating all the work in one agency", False),
          ("Хохирогчийн мэдээллийг олон нийтэд ил болгох", "Making victims' information public", False)]),
        true_false("Төрийн бус байгууллага хохирогчид үйлчилгээ үзүүлэхэд оролцож болно.",
                   "Non-governmental organisations can take part in providing services to victims.", True),
    ],
    [
        (SINGLE, "Кибер орчинд хохирогчийг татан оруулах түгээмэл арга аль нь вэ?",
         "Which is a common way of recruiting victims online?",
         [("Хуурамч ажлын зар", "Fake job advertisements", True),
          ("Төрийн цахим үйлчилгээ", "Official e-government services", False),
          ("Банкны хуулга", "Bank statements", False)]),
        true_false("Хохирогчийг хил давуулаагүй бол онлайнаар мөлжсөн нь хүн худалдаалах гэмт хэрэг болохгүй.",
                   "Online exploitation is not trafficking unless the victim was moved across a border.", False),
    ],
    [
        (SINGLE, "Хохирогчийн мэдүүлгээс гадна мөрдөн шалгах ажиллагаа юунд түшиглэх нь зүйтэй вэ?",
         "Besides the victim's testimony, what should an investigation rely on?",
         [("Санхүүгийн гүйлгээ, харилцаа холбооны мэдээлэл зэрэг бусад нотлох баримт",
           "Other evidence, such as financial transactions and communications data", True),
          ("Зөвхөн сэжигтний гэм буруугаа хүлээсэн мэдүүлэг", "Only the suspect's confession", False),
          ("Өөр нотлох баримт шаардлагагүй", "No other evidence is needed", False)]),
        true_false("Санхүүгийн мөрдөн шалгалт гэмт хэргийн орлогыг илрүүлэхэд тусалдаг.",
                   "A financial investigation helps trace the proceeds of crime.", True),
    ],
    [
        (SINGLE, "Хохирогч мэдүүлгээсээ татгалзвал прокурор юу хийх нь зүйтэй вэ?",
         "If the victim withdraws their statement, what should the prosecutor do?",
         [("Бусад нотлох баримтад тулгуурлан хэргийг үргэлжлүүлэх боломжийг судлах",
           "Consider continuing the case on the other evidence", True),
          ("Хохирогчийг худал мэдүүлсэн гэж яллах", "Charge the victim with giving false testimony", False),
          ("Хэргийг шууд хаах", "Close the case at once", False)]),
        true_false("Хүн худалдаалах гэмт хэргийн улмаас албадлагаар үйлдсэн зөрчлийн төлөө хохирогчийг "
                   "шийтгэхгүй байх зарчим бий.",
                   "Victims should not be punished for offences they were compelled to commit as a result "
                   "of being trafficked.", True),
    ],
    [
        (SINGLE, "Хүүхэд хохирогчийн мэдүүлгийг шүүх хуралдаанд сонсох хүүхдэд ээлтэй арга аль нь вэ?",
         "Which way of hearing a child victim in court is child-friendly?",
         [("Тусгай өрөөнөөс видео холбоогоор мэдүүлэг авах", "Taking testimony by video link from a separate room",
           True),
          ("Шүүгдэгчийн дэргэд нээлттэй хуралдаанд асуух", "Questioning in open court in front of the defendant",
           False),
          ("Хүүхдийг олон удаа дуудах", "Summoning the child many times", False)]),
        true_false("Шүүх хохирогчид учирсан хохирлыг нөхөн төлүүлэх асуудлыг шийдвэрлэж болно.",
                   "The court may order compensation for the harm done to the victim.", True),
    ],
]

COURSE_2_MODULES = [
    [
        (SINGLE, "Сүүлийн жилүүдэд хүн худалдаалах гэмт хэрэгт ямар чиг хандлага ажиглагдаж байна вэ?",
         "Which trend has been seen in trafficking in recent years?",
         [("Хохирогчийг татан оруулах, мөлжихөд интернэт, нийгмийн сүлжээг ашиглах нь нэмэгдсэн",
           "Growing use of the internet and social media to recruit and exploit victims", True),
          ("Хохирогчид зөвхөн насанд хүрэгчид болсон", "Victims are now only adults", False),
          ("Гэмт хэрэг зөвхөн хил дамнан үйлдэгддэг болсон", "The crime now happens only across borders", False)]),
        true_false("Хүн худалдаалах гэмт хэрэг нэг улсын дотор ч үйлдэгдэж болно.",
                   "Trafficking can happen within a single country.", True),
    ],
    [
        (SINGLE, "Онлайн ажлын зарыг шалгахад аль нь сэрэмжлүүлэх шинж вэ?",
         "When checking online job advertisements, which is a warning sign?",
         [("Бодит бус өндөр цалин, нэр нь тодорхойгүй ажил олгогч", "Unrealistically high pay from an unnamed employer",
           True),
          ("Компанийн улсын бүртгэлийн дугаар бичигдсэн", "The company's registration number is given", False),
          ("Ажлын байрны тодорхойлолт нарийн", "A detailed job description", False)]),
        true_false("Гэмт этгээдүүд шифрлэгдсэн мессенжер ашиглах нь түгээмэл.",
                   "Offenders often use encrypted messengers.", True),
    ],
    [
        (SINGLE, "Нээлттэй эх сурвалжийн мэдээлэл (OSINT) гэж юу вэ?", "What is open-source intelligence (OSINT)?",
         [("Олон нийтэд нээлттэй эх сурвалжаас цуглуулсан мэдээлэл",
           "Information collected from publicly available sources", True),
          ("Зөвхөн шүүхийн зөвшөөрлөөр авах харилцаа холбооны мэдээлэл",
           "Communications data obtained only with a court order", False),
          ("Хохирогчийн эмнэлгийн бүртгэл", "The victim's medical records", False)]),
        true_false("Хаалттай эх сурвалжаас мэдээлэл авахад хуульд заасан зөвшөөрөл шаардлагатай.",
                   "Obtaining information from closed sources needs the authorisation the law requires.", True),
    ],
    [
        (SINGLE, "Цахим нотлох баримтыг хураахдаа юуг эхлээд хийх вэ?",
         "When seizing digital evidence, what comes first?",
         [("Төхөөрөмжийг өөрчлөлтөөс хамгаалж, хэш утгыг тэмдэглэх",
           "Protect the device from changes and record hash values", True),
          ("Төхөөрөмжийг асааж файлуудыг нь үзэх", "Switch the device on and browse its files", False),
          ("Файлуудыг өөрийн утсанд хуулах", "Copy the files to your own phone", False)]),
        true_false("Нотлох баримтын хадгалалтын дарааллыг (chain of custody) баримтжуулах шаардлагагүй.",
                   "The chain of custody of evidence need not be documented.", False),
    ],
]

COURSE_SLUGS = {"tip-victim-centred": COURSE_1_MODULES, "cyber-tip-investigation": COURSE_2_MODULES}
EXAM_COURSE_SLUG = "tip-victim-centred"


@transaction.atomic
def load_demo_quizzes() -> dict[str, int]:
    """Create the demo pools, questions and quizzes for the demo courses that exist; return counts."""
    created = {"quizzes": 0}
    for slug, modules in COURSE_SLUGS.items():
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            logger.warning("demo course missing slug=%s; its quizzes are skipped", slug)
            continue
        for number, questions in enumerate(modules, start=1):
            module = ModulePage.objects.child_of(course).filter(slug=f"module-{number}").first()
            if module is None or Quiz.objects.filter(module=module).exists():
                continue
            pool = _pool(f"{course.title[:60]} — модуль {number}", f"{course.title_en[:60]} — module {number}", course,
                         questions)
            Quiz.objects.create(
                kind=Quiz.Kind.MODULE,
                title_mn=f"Модуль {number}: сорил",
                title_en=f"Module {number}: quiz",
                module=module,
                pool=pool,
                question_count=len(questions),
                pass_percent=70,
                max_attempts=3,
                retry_wait=timedelta(minutes=1),
                reveal_answers=Quiz.Reveal.AFTER_PASSING,
            )
            created["quizzes"] += 1

    created["quizzes"] += _load_exams()
    return created


def _load_exams() -> int:
    """Give course 1 a pre-test and a final exam drawing from one shared pool of its module questions."""
    course = CoursePage.objects.filter(slug=EXAM_COURSE_SLUG).first()
    if course is None or Quiz.objects.filter(course=course).exists():
        return 0
    # The first question of each module makes a pool that covers the whole course.
    questions = [module[0] for module in COURSE_1_MODULES]
    pool = _pool("Сургалт 1: урьдчилсан тест ба төгсөлтийн шалгалт", "Course 1: pre-test and final exam", course,
                 questions)
    common = {"course": course, "pool": pool, "question_count": 6, "multiple_choice_scoring": Quiz.Scoring.PARTIAL}
    # The pre-test has no pass mark and draws from the final exam's pool, so revealing its answers
    # after "passing" would hand out the final exam's key. It keeps the stricter rule, which with
    # unlimited attempts never shows the answers.
    Quiz.objects.create(
        kind=Quiz.Kind.PRETEST, title_mn="Урьдчилсан тест", title_en="Pre-test", pass_percent=0, max_attempts=None,
        reveal_answers=Quiz.Reveal.AFTER_LAST_ATTEMPT, **common,
    )
    Quiz.objects.create(
        kind=Quiz.Kind.FINAL, title_mn="Төгсөлтийн шалгалт", title_en="Final exam", pass_percent=70, max_attempts=3,
        retry_wait=timedelta(hours=1), time_limit=timedelta(minutes=30), reveal_answers=Quiz.Reveal.AFTER_PASSING,
        **common,
    )
    return 2


def _pool(name_mn: str, name_en: str, course: CoursePage, questions: list[tuple]) -> QuestionPool:
    pool, created = QuestionPool.objects.get_or_create(name_mn=name_mn, defaults={"name_en": name_en, "course": course})
    if not created:
        return pool
    for kind, text_mn, text_en, choices in questions:
        question = Question.objects.create(pool=pool, kind=kind, text_mn=text_mn, text_en=text_en)
        for order, (choice_mn, choice_en, correct) in enumerate(choices):
            Choice.objects.create(question=question, sort_order=order, text_mn=choice_mn, text_en=choice_en,
                                  is_correct=correct)
    return pool
