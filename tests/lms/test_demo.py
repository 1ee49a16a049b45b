import pytest
from django.core.management import call_command

from courses.models import CoursePage, ModulePage
from lms.models import User

pytestmark = pytest.mark.django_db


def test_load_demo_twice_is_safe():
    call_command("load_demo", "--no-video")
    call_command("load_demo", "--no-video")
    assert CoursePage.objects.count() == 2
    assert ModulePage.objects.count() == 14
    assert User.objects.filter(email="judge@demo.example.mn").count() == 1


def test_demo_courses_have_module_titles_in_both_languages(demo_site):
    course = CoursePage.objects.get(slug="cyber-tip-investigation")
    modules = list(course.modules())
    assert [module.title_en for module in modules][0] == "1. Trafficking in persons: concepts and trends"
    assert modules[3].title == "4. Цахим нотлох баримт, тоон ул мөрийг бэхжүүлэх"


def test_demo_audiences_match_courses(demo_site):
    course = CoursePage.objects.get(slug="cyber-tip-investigation")
    assert set(course.audience.values_list("code", flat=True)) == {"prosecutor", "police"}
