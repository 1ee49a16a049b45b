from .enrolment import Enrollment, EnrollmentReminder
from .onboarding import OnboardingRule
from .pages import CoursePage, HomePage, ModulePage
from .progress import ModuleProgress

__all__ = [
    "CoursePage",
    "Enrollment",
    "EnrollmentReminder",
    "HomePage",
    "ModulePage",
    "ModuleProgress",
    "OnboardingRule",
]
