"""Download rights for certificate PDFs."""

from lms.models import User
from lms.permissions import can_manage

from .models import Certificate


def can_download(user: User, certificate: Certificate) -> bool:
    """Tell whether the user earned the certificate or is staff managing its learner."""
    if not user.is_authenticated:
        return False
    if certificate.learner_id == user.pk:
        return True
    return user.is_staff and can_manage(user, certificate.learner)
