"""Create the demo site. Every step looks its object up first, so running twice is safe."""

import logging
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site

from courses.models import CoursePage, HomePage, ModulePage
from lms import roles
from lms.models import Agency, Profession, Region, TrainingAcademy, User
from lms.services.trainers import assign_trainer, grant_page_rights, sync_course_rights

from .accounts import ACCOUNTS, DEMO_PASSWORD, DEMO_TRAINER_EMAIL
from .courses import COURSES
from .institutions import ACADEMIES, AGENCIES

logger = logging.getLogger(__name__)


def load_demo(with_video: bool = True) -> dict[str, int]:
    """Create academies, agencies, both courses, quizzes, accounts and a transcoded lecture."""
    from assessments.demo import load_demo_quizzes
    from certificates.demo import load_demo_certificate_settings

    counts = load_core()
    load_demo_quizzes()
    load_demo_certificate_settings()

    # Transcoding runs as a task after commit, so it must start outside the transaction above.
    if with_video:
        attach_demo_video()
    return counts


@transaction.atomic
def load_core() -> dict[str, int]:
    academies = load_academies()
    load_agencies(AGENCIES, academies, parent=None)
    home = load_home_page()
    courses = [load_course(home, spec, academies) for spec in COURSES]
    grant_page_permissions(home)
    accounts = load_accounts(academies)
    assign_demo_trainer(courses)
    return {"academies": len(academies), "courses": len(courses), "accounts": accounts}


def attach_demo_video() -> None:
    """Give every demo module without a lecture the generated demo lecture."""
    from media.demo import load_demo_videos

    video = load_demo_videos()
    for module in ModulePage.objects.filter(video__isnull=True):
        module.video = video
        module.save_revision().publish()
        logger.info("demo video attached module_id=%s video_id=%s", module.pk, video.pk)


def load_academies() -> dict[str, TrainingAcademy]:
    academies = {}
    for code, name_mn, name_en, name_traditional in ACADEMIES:
        academy, _created = TrainingAcademy.objects.get_or_create(
            code=code, defaults={"name_mn": name_mn, "name_en": name_en, "name_traditional": name_traditional}
        )
        academies[code] = academy
    return academies


def load_agencies(specs, academies, parent: Agency | None) -> None:
    for code, name_mn, name_en, academy_code, domains, children in specs:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            fields = {
                "code": code,
                "name_mn": name_mn,
                "name_en": name_en,
                "academy": academies[academy_code],
                "email_domains": domains,
            }
            agency = parent.add_child(**fields) if parent else Agency.add_root(**fields)
        load_agencies(children, academies, parent=agency)


def load_home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home

    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a placeholder welcome page at the site root.
    for placeholder in root.get_children().exclude(content_type__model="homepage"):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePage(title="Нүүр", slug="home")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "ХХГХ сургалт"},
    )
    return home


def load_course(home: HomePage, spec: dict, academies) -> CoursePage:
    course = CoursePage.objects.filter(slug=spec["slug"]).first()
    if course is None:
        course = CoursePage(
            title=spec["title_mn"],
            title_en=spec["title_en"],
            slug=spec["slug"],
            summary_mn=spec["summary_mn"],
            summary_en=spec["summary_en"],
            estimated_hours=Decimal(spec["hours"]),
            academy=academies[spec["academy"]],
        )
        home.add_child(instance=course)
        course.audience.set(Profession.objects.filter(code__in=spec["audience"]))
        course.save_revision().publish()

    for number, (title_mn, title_en) in enumerate(spec["modules"], start=1):
        slug = f"module-{number}"
        if ModulePage.objects.child_of(course).filter(slug=slug).exists():
            continue
        module = ModulePage(title=f"{number}. {title_mn}", title_en=f"{number}. {title_en}", slug=slug)
        course.add_child(instance=module)
        module.save_revision().publish()
    return course


def grant_page_permissions(home: HomePage) -> None:
    """Give site administrators every page right on the home page.

    Trainers and academy staff get rights per course instead: trainers through
    assign_trainer, academies on the courses they own when a course is published.
    """
    codenames = ["add_page", "change_page", "publish_page", "delete_page", "lock_page"]
    grant_page_rights(Group.objects.get(name=roles.SITE_ADMINISTRATORS), home, codenames)


def assign_demo_trainer(courses: list[CoursePage]) -> None:
    trainer = User.objects.get(email=DEMO_TRAINER_EMAIL)
    for course in courses:
        sync_course_rights(course)
        assign_trainer(course, trainer)


def load_accounts(academies) -> int:
    for email, full_name, sex, profession, agency, region, group, academy, superuser in ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, is_superuser=superuser, is_staff=superuser or group != roles.LEARNERS)
            user.set_password(DEMO_PASSWORD)
        user.full_name = full_name
        user.sex = sex
        user.profession = Profession.objects.filter(code=profession).first() if profession else None
        user.agency = Agency.objects.filter(code=agency).first() if agency else None
        user.region = Region.objects.filter(code=region).first() if region else None
        user.academy = academies.get(academy) if academy else None
        user.status = User.Status.APPROVED
        user.save()
        user.groups.add(Group.objects.get(name=group))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return len(ACCOUNTS)
