"""Demo signatories and traditional-script titles, so demo certificates look complete."""

from lms.models import TrainingAcademy

from .models import CertificateSettings

# гэрчилгээ ("certificate") in traditional Mongolian script.
TITLE_TRADITIONAL = "ᠭᠡᠷᠡᠴᠢᠯᠭᠡ"


def load_demo_certificate_settings() -> int:
    """Give every academy without certificate settings an invented signatory; return how many were added."""
    added = 0
    for academy in TrainingAcademy.objects.all():
        _settings, created = CertificateSettings.objects.get_or_create(
            academy=academy,
            course=None,
            defaults={
                "signatory_name_mn": "Б. Болормаа",
                "signatory_name_en": "B. Bolormaa",
                "signatory_title_mn": "Захирал",
                "signatory_title_en": "Director",
                "title_traditional": TITLE_TRADITIONAL,
            },
        )
        added += created
    return added
