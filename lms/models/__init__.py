from .agencies import Agency, TrainingAcademy
from .people import Profession, User
from .regions import Region
from .workflow import AcademyReviewTask

__all__ = ["AcademyReviewTask", "Agency", "Profession", "Region", "TrainingAcademy", "User"]
