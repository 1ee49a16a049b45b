from .enrolment import Enrollment
from .pages import CoursePage, HomePage, ModulePage

__all__ = ["CoursePage", "Enrollment", "HomePage", "ModulePage"]
