"""The state of a learner's courses for display: modules, progress, locks and the next module.

Each function runs a fixed number of queries whatever the number of courses and modules.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q

from lms.models import User

from ..models import CoursePage, ModulePage, ModuleProgress
from .completion import watch_satisfied

# Watching counts for half of a module's share of course progress and its quiz for the other
# half, so a learner who watched everything but passed no quiz is shown 50 %, not 100 %.
WATCH_SHARE_OF_MODULE = 0.5


@dataclass
class ModuleState:
    module: ModulePage
    progress: ModuleProgress | None
    locked: bool = False

    @property
    def complete(self) -> bool:
        return self.progress is not None and self.progress.is_complete

    @property
    def watched(self) -> bool:
        return watch_satisfied(self.module, self.progress)

    @property
    def watch_fraction(self) -> float:
        """Return the share of the required watching done, from 0 to 1."""
        if self.watched:
            return 1.0
        video = self.module.video
        if self.progress is None or video is None or not video.duration_seconds:
            return 0.0
        required = video.duration_seconds * self.module.required_watch_percent / 100
        if required <= 0:
            return 1.0
        return min(self.progress.watched_seconds / required, 1.0)

    @property
    def watch_percent(self) -> int:
        return int(self.watch_fraction * 100)

    @property
    def course_share(self) -> float:
        if self.complete:
            return 1.0
        return self.watch_fraction * WATCH_SHARE_OF_MODULE


@dataclass
class CourseOutline:
    course: CoursePage
    modules: list[ModuleState] = field(default_factory=list)

    @property
    def percent(self) -> int:
        if not self.modules:
            return 0
        return int(100 * sum(state.course_share for state in self.modules) / len(self.modules))

    @property
    def completed_count(self) -> int:
        return sum(1 for state in self.modules if state.complete)

    @property
    def next_module(self) -> ModuleState | None:
        """Return the first module that is neither complete nor locked."""
        return next((state for state in self.modules if not state.complete and not state.locked), None)

    def state_of(self, module: ModulePage) -> ModuleState | None:
        return next((state for state in self.modules if state.module.pk == module.pk), None)


def build_outlines(learner: User | None, courses: Iterable[CoursePage]) -> dict[int, CourseOutline]:
    """Return an outline per course id, with the learner's progress when a learner is given."""
    courses = list(courses)
    outlines = {course.pk: CourseOutline(course=course) for course in courses}
    if not courses:
        return outlines

    # One query for the modules of every course: a module is a live child page of its course.
    children = reduce(or_, (Q(path__startswith=course.path, depth=course.depth + 1) for course in courses))
    modules = list(ModulePage.objects.live().filter(children).select_related("video").order_by("path"))
    progress_by_module = {}
    if learner is not None and learner.is_authenticated:
        progress_by_module = {
            progress.module_id: progress
            for progress in ModuleProgress.objects.filter(learner=learner, module__in=[m.pk for m in modules])
        }

    course_by_path = {course.path: course for course in courses}
    for module in modules:
        course = course_by_path[module.path[: -ModulePage.steplen]]
        outlines[course.pk].modules.append(ModuleState(module=module, progress=progress_by_module.get(module.pk)))

    for outline in outlines.values():
        if outline.course.sequential:
            apply_locks(outline.modules)
    return outlines


def apply_locks(states: list[ModuleState]) -> None:
    """Lock every module after the first incomplete one, for courses that unlock in order."""
    earlier_incomplete = False
    for state in states:
        state.locked = earlier_incomplete
        if not state.complete:
            earlier_incomplete = True


def build_outline(learner: User | None, course: CoursePage) -> CourseOutline:
    return build_outlines(learner, [course])[course.pk]
