"""Template context of a module page: the course around it, the learner's progress and the quiz."""

import logging

from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch

from lms.models import User

from ..models import CoursePage, Enrollment, ModulePage
from .outline import build_outline
from .progress import start_watching

logger = logging.getLogger(__name__)

PLAYER_TEMPLATE = "media/player.html"
# A saved position this close to the end means the lecture was watched through.
FINISHED_MARGIN_SECONDS = 1.0


def player_available() -> bool:
    try:
        get_template(PLAYER_TEMPLATE)
    except TemplateDoesNotExist:
        return False
    return True


def module_quiz_url(module: ModulePage) -> str | None:
    from assessments.models import Quiz

    quiz = Quiz.objects.filter(module=module).first()
    if quiz is None:
        return None
    try:
        return quiz.get_absolute_url()
    except NoReverseMatch:
        # NOTE: the quiz pages may not be routed yet; the module page then shows no quiz link.
        logger.warning("quiz has no URL quiz_id=%s", quiz.pk)
        return None


def final_exam_url(course: CoursePage) -> str | None:
    """Return the URL of the course's final exam, or None when the course has none."""
    from assessments.models import Quiz

    exam = Quiz.objects.filter(course=course, kind=Quiz.Kind.FINAL).first()
    if exam is None:
        return None
    try:
        return exam.get_absolute_url()
    except NoReverseMatch:
        logger.warning("final exam has no URL quiz_id=%s", exam.pk)
        return None


def resume_position(progress, video) -> float:
    """Return where the player starts: the saved position, or 0 once the video was watched to its end.

    A learner who reopens a finished lecture wants to watch it again, and a player resumed at
    its very last frame shows nothing to play.
    """
    if progress is None:
        return 0
    duration = video.duration_seconds if video is not None else None
    if duration and progress.position_seconds >= duration - FINISHED_MARGIN_SECONDS:
        return 0
    return progress.position_seconds


def module_context(user: User, module: ModulePage) -> dict:
    """Build the template context of a module page in a fixed number of queries."""
    course = CoursePage.objects.get(path=module.path[: -ModulePage.steplen])
    outline = build_outline(user, course)
    state = outline.state_of(module)
    enrollment = Enrollment.objects.filter(learner=user, course=course).first()
    locked = state is not None and state.locked

    progress = None
    if enrollment is not None and not locked and module.video_id is not None:
        progress = start_watching(user, module)

    return {
        "course": course,
        "outline": outline,
        "state": state,
        "enrollment": enrollment,
        "locked": locked,
        "progress": progress,
        "start_position": resume_position(progress, module.video),
        "player_available": module.video_id is not None and player_available(),
        "quiz_url": module_quiz_url(module),
    }
