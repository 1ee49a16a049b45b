from .agencies import Agency, TrainingAcademy
from .people import Profession, User
from .regions import Region

__all__ = ["Agency", "Profession", "Region", "TrainingAcademy", "User"]
