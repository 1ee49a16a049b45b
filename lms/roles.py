"""Names of the permission groups and a helper that migrations use to grant rights."""

from django.db.models import Q

# Group names are data shown in the Wagtail admin, so they are stored in Mongolian.
LEARNERS = "Суралцагч"
TRAINERS = "Сургагч багш"
ACADEMY_STAFF = "Сургалтын байгууллагын ажилтан"
SITE_ADMINISTRATORS = "Сайтын администратор"

ALL_GROUPS = [LEARNERS, TRAINERS, ACADEMY_STAFF, SITE_ADMINISTRATORS]


def ensure_permissions(apps) -> None:
    """Create missing permission rows inside a migration, before post_migrate would."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name: str, codenames: list[str]) -> None:
    """Give a group the named permissions, written as "app_label.codename"."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    for dotted in codenames:
        app_label, codename = dotted.split(".", 1)
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(permission)

# Members of these groups edit content or manage people, so they must sign in with a
# second factor.
MFA_REQUIRED_GROUPS = [TRAINERS, ACADEMY_STAFF, SITE_ADMINISTRATORS]


def requires_mfa(user) -> bool:
    """Tell whether this account must have an authenticator before it may do anything."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff or getattr(user, "academy_id", None):
        return True
    # Per-course and per-academy groups are named after their role with a suffix.
    names = Q()
    for name in MFA_REQUIRED_GROUPS:
        names |= Q(name__startswith=name)
    return user.groups.filter(names).exists()
