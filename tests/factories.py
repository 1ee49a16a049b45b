"""factory_boy factories for the core models. Names are invented."""

import factory
from allauth.account.models import EmailAddress

from lms.models import Agency, Profession, Region, TrainingAcademy, User


class TrainingAcademyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingAcademy
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"academy-{n}")
    name_mn = factory.Sequence(lambda n: f"Сургалтын төв {n}")
    name_en = factory.Sequence(lambda n: f"Training centre {n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    """Create a root agency, or a unit when `parent` is given."""

    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"agency-{n}")
    name_mn = factory.Sequence(lambda n: f"Байгууллага {n}")
    name_en = factory.Sequence(lambda n: f"Agency {n}")
    academy = factory.SubFactory(TrainingAcademyFactory)
    email_domains = ""

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is not None:
            return parent.add_child(**kwargs)
        return model_class.add_root(**kwargs)


def profession(code: str) -> Profession:
    return Profession.objects.get(code=code)


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"learner{n}@example.mn")
    full_name = factory.Sequence(lambda n: f"Батын Өлзий {n}")
    sex = User.Sex.FEMALE
    profession = factory.LazyFunction(lambda: profession("police"))
    agency = factory.SubFactory(AgencyFactory)
    region = factory.LazyFunction(lambda: region("MN-041"))
    status = User.Status.APPROVED

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or "correct-horse-battery")
        if create:
            obj.save()
            EmailAddress.objects.get_or_create(user=obj, email=obj.email, defaults={"verified": True, "primary": True})
