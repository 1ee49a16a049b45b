"""Learner pages: a quiz's rules and past attempts, taking an attempt, and its result."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from . import presentation
from .forms import answers_from_post, unanswered_questions
from .models import Attempt, Quiz
from .services import attempts as attempt_service

ALREADY_SUBMITTED = gettext_lazy("This attempt was already submitted; the result below is the one recorded.")
TIME_RAN_OUT = gettext_lazy("The time ran out before you submitted; the answers saved until then were graded.")


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _own_attempt(request, code: str) -> Attempt:
    # Filtering by learner makes another learner's attempt a 404, not a 403 that confirms it exists.
    return get_object_or_404(Attempt.objects.select_related("quiz"), code=code, learner=request.user)


@login_required
@require_GET
def quiz_view(request, quiz_id: int):
    quiz = get_object_or_404(Quiz.objects.select_related("module", "course", "pool"), pk=quiz_id)
    for attempt in Attempt.objects.filter(learner=request.user, quiz=quiz, status=Attempt.Status.IN_PROGRESS):
        attempt_service.close_if_expired(attempt)

    quiz_status = attempt_service.quiz_status(request.user, quiz)
    eligible = quiz_status.rejection is None or quiz_status.rejection.code != "not_enrolled"
    context = {
        "quiz": quiz,
        "course": quiz.get_course(),
        "quiz_status": quiz_status,
        "eligible": eligible,
        "attempts": Attempt.objects.filter(learner=request.user, quiz=quiz).order_by("number"),
    }
    status = HTTPStatus.OK if eligible else HTTPStatus.FORBIDDEN
    return render(request, "assessments/quiz.html", context, status=status)


@login_required
@require_POST
def start_view(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    try:
        attempt = attempt_service.start_attempt(request.user, quiz)
    except attempt_service.AttemptRejected as rejection:
        messages.error(request, rejection.message)
        return redirect(quiz.get_absolute_url())
    return redirect(attempt.get_absolute_url())


@login_required
@require_GET
def attempt_view(request, code: str):
    attempt = _own_attempt(request, code)
    attempt_service.close_if_expired(attempt)
    if attempt.is_open:
        return _render_form(request, attempt, attempt.answers)
    return _render_result(request, attempt)


@login_required
@require_POST
def save_view(request, code: str):
    """Store answers as the learner goes: from the autosave script (JSON) or the Save button."""
    attempt = _own_attempt(request, code)
    answers, errors = answers_from_post(attempt, request.POST)
    try:
        attempt_service.save_answers(attempt, answers)
    except attempt_service.AttemptClosed:
        message = _("This attempt is already closed; your saved answers were graded.")
        if _wants_json(request):
            return JsonResponse(
                {"closed": True, "message": message, "url": attempt.get_absolute_url()}, status=HTTPStatus.CONFLICT
            )
        messages.info(request, message)
        return redirect(attempt.get_absolute_url())

    if _wants_json(request):
        status = HTTPStatus.BAD_REQUEST if errors else HTTPStatus.OK
        return JsonResponse({"saved": True, "errors": [error.message for error in errors]}, status=status)
    if errors:
        return _render_form(request, attempt, answers, errors=errors)
    messages.success(request, _("Your answers are saved."))
    return redirect(attempt.get_absolute_url())


@login_required
@require_POST
def submit_view(request, code: str):
    attempt = _own_attempt(request, code)
    if not attempt.is_open:
        messages.info(request, ALREADY_SUBMITTED)
        return redirect(attempt.get_absolute_url())

    if attempt.is_expired():
        attempt, _closed_now = attempt_service.submit_attempt(attempt)
        messages.warning(request, TIME_RAN_OUT)
        return redirect(attempt.get_absolute_url())

    answers, errors = answers_from_post(attempt, request.POST)
    unanswered = unanswered_questions(attempt, answers)
    if errors or (unanswered and not request.POST.get("confirm_unanswered")):
        # Keep what the learner gave while the form is shown again with the problems listed.
        try:
            attempt_service.save_answers(attempt, answers)
        except attempt_service.AttemptClosed:
            messages.info(request, ALREADY_SUBMITTED)
            return redirect(attempt.get_absolute_url())
        if errors:
            return _render_form(request, attempt, answers, errors=errors)
        return _render_form(request, attempt, answers, unanswered=unanswered)

    attempt, closed_now = attempt_service.submit_attempt(attempt, answers)
    if not closed_now:
        messages.info(request, ALREADY_SUBMITTED)
    elif attempt.status == Attempt.Status.TIMED_OUT:
        messages.warning(request, TIME_RAN_OUT)
    return redirect(attempt.get_absolute_url())


def _render_form(request, attempt: Attempt, answers: dict, errors=(), unanswered=()):
    error_by_question = {error.question_id: error.message for error in errors}
    for question_id in unanswered:
        error_by_question[question_id] = _("This question has no answer yet.")
    questions = presentation.questions_for_form(attempt, answers, error_by_question)
    context = {
        "quiz": attempt.quiz,
        "attempt": attempt,
        "questions": questions,
        "error_questions": [question for question in questions if question["error"]],
        "confirm_unanswered": bool(unanswered) and not errors,
    }
    return render(request, "assessments/attempt_form.html", context)


def _render_result(request, attempt: Attempt):
    quiz = attempt.quiz
    reveal = attempt_service.may_reveal_answers(attempt)
    context = {
        "quiz": quiz,
        "attempt": attempt,
        "reveal": reveal,
        "reveal_rule": quiz.reveal_answers,
        "questions": presentation.questions_for_result(attempt, reveal),
        "quiz_status": attempt_service.quiz_status(request.user, quiz),
    }
    if attempt.passed:
        context["next_module"], context["course"] = _next_step(quiz)
    return render(request, "assessments/attempt_result.html", context)


def _next_step(quiz: Quiz):
    """Return the live module after the quiz's module (None after the last one or for an exam) and the course."""
    course = quiz.get_course()
    if quiz.module_id is None:
        return None, course
    later = course.modules().filter(path__gt=quiz.module.path)
    return later.first(), course
