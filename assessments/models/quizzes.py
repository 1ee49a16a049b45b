"""Trainer-authored content: question pools, their questions and choices, and the quizzes drawing from them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from lms.models.bilingual import pick_language


class QuestionPool(models.Model):
    """A bank of questions that one or more quizzes draw from.

    A course's pre-test and final exam share one pool, so their scores measure the same knowledge.
    """

    name_mn = models.CharField(_("name in Mongolian"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_pools",
        help_text=_("The course whose material these questions cover."),
    )

    class Meta:
        verbose_name = _("question pool")
        verbose_name_plural = _("question pools")
        ordering = ["name_mn"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick_language(self.name_mn, self.name_en)


class Question(ClusterableModel):
    """One question of a pool with its choices."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")

    pool = models.ForeignKey(
        QuestionPool, verbose_name=_("question pool"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("question type"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    text_mn = models.TextField(_("question in Mongolian"))
    text_en = models.TextField(_("question in English"), blank=True)
    explanation_mn = models.TextField(
        _("explanation in Mongolian"),
        blank=True,
        help_text=_("Shown with the correct answers after the attempt is submitted."),
    )
    explanation_en = models.TextField(_("explanation in English"), blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["pool", "pk"]

    def __str__(self) -> str:
        return self.text_mn[:80]

    @property
    def text(self) -> str:
        return pick_language(self.text_mn, self.text_en)


class Choice(Orderable):
    """One answer option of a question."""

    question = ParentalKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices")
    text_mn = models.CharField(_("choice in Mongolian"), max_length=500)
    text_en = models.CharField(_("choice in English"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text_mn


class Quiz(models.Model):
    """A module quiz, a course pre-test or a course final exam, with the rules for taking it."""

    class Kind(models.TextChoices):
        MODULE = "module", _("Module quiz")
        PRETEST = "pretest", _("Pre-test")
        FINAL = "final", _("Final exam")

    class Scoring(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", _("All or nothing")
        PARTIAL = "partial", _("Partial credit")

    class Reveal(models.TextChoices):
        AFTER_EACH_ATTEMPT = "each_attempt", _("After each attempt")
        # An answer key shown after a failed attempt lets the learner copy it into the retry, which
        # often draws the same questions from a small pool. After a pass the result already counts.
        # NOTE: a pre-test with a pass mark of 0 passes on every attempt, so under this rule it shows
        # its key at once, which matters when it shares a pool with the final exam.
        AFTER_PASSING = "pass_or_last", _("After passing, or when no attempts remain")
        AFTER_LAST_ATTEMPT = "last_attempt", _("Only when no attempts remain")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MODULE)
    title_mn = models.CharField(_("title in Mongolian"), max_length=255)
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    module = models.OneToOneField(
        "courses.ModulePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="quiz",
        help_text=_("For a module quiz: the module it closes."),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="exams",
        help_text=_("For a pre-test or final exam: its course."),
    )
    pool = models.ForeignKey(
        QuestionPool, verbose_name=_("question pool"), on_delete=models.PROTECT, related_name="quizzes"
    )
    question_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_("Each attempt draws this many questions at random from the pool."),
    )
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    multiple_choice_scoring = models.CharField(
        _("multiple-choice scoring"),
        max_length=16,
        choices=Scoring.choices,
        default=Scoring.ALL_OR_NOTHING,
        help_text=_(
            "Partial credit scores a question as (correct choices ticked − wrong choices ticked) ÷ "
            "correct choices, and never below zero."
        ),
    )
    pass_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    retry_wait = models.DurationField(
        _("waiting time between attempts"),
        null=True,
        blank=True,
        help_text=_("Written as hh:mm:ss. Leave empty to allow the next attempt at once."),
    )
    time_limit = models.DurationField(
        _("time limit"), null=True, blank=True, help_text=_("Written as hh:mm:ss. Leave empty for no limit.")
    )
    reveal_answers = models.CharField(
        _("show correct answers"),
        max_length=12,
        choices=Reveal.choices,
        default=Reveal.AFTER_PASSING,
        help_text=_(
            "Until the correct answers are shown, a result page tells the learner which questions were "
            "answered wrongly but not the right choices."
        ),
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="module", module__isnull=False, course__isnull=True)
                    | Q(kind__in=["pretest", "final"], module__isnull=True, course__isnull=False)
                ),
                name="assessments_quiz_kind_matches_link",
            ),
            models.UniqueConstraint(fields=["course", "kind"], name="assessments_quiz_one_exam_per_kind"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick_language(self.title_mn, self.title_en)

    def get_absolute_url(self) -> str:
        return reverse("assessments:quiz", args=[self.pk])

    def clean(self) -> None:
        """Check that a module quiz links a module only, and a pre-test or final exam a course only."""
        errors = {}
        if self.kind == self.Kind.MODULE:
            if self.module_id is None:
                errors["module"] = ValidationError(_("A module quiz needs its module."), code="module_missing")
            if self.course_id is not None:
                errors["course"] = ValidationError(
                    _("A module quiz takes its course from the module; leave this empty."), code="course_set"
                )
        else:
            if self.course_id is None:
                errors["course"] = ValidationError(_("A pre-test or final exam needs its course."), code="course_missing")
            if self.module_id is not None:
                errors["module"] = ValidationError(
                    _("Only a module quiz belongs to a module; leave this empty."), code="module_set"
                )
        if errors:
            raise ValidationError(errors)

    def get_course(self):
        """Return the course the quiz counts towards: its own, or its module's parent."""
        if self.course_id is not None:
            return self.course
        return self.module.get_parent().specific
