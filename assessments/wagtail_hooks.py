"""Quiz authoring in the Wagtail admin: pools, questions with their choices, quizzes, and regrades."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import QuestionForm
from .admin_views import RegradeView
from lms.permissions import managed_learners

from .models import Attempt, Question, QuestionPool, Quiz
from .services.regrade import REGRADE_ACTION, can_regrade


class QuestionPoolViewSet(SnippetViewSet):
    model = QuestionPool
    icon = "folder-open-inverse"
    menu_label = _("Question pools")
    list_display = ["name_mn", "name_en", "course"]
    search_fields = ["name_mn", "name_en"]
    panels = [FieldPanel("name_mn"), FieldPanel("name_en"), FieldPanel("course")]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text_mn", "kind", "pool"]
    list_filter = ["pool", "kind"]
    search_fields = ["text_mn", "text_en"]
    edit_handler = ObjectList([
        FieldRowPanel([FieldPanel("pool"), FieldPanel("kind")]),
        FieldPanel("text_mn"),
        FieldPanel("text_en"),
        InlinePanel(
            "choices",
            label=_("Choices"),
            min_num=2,
            panels=[FieldPanel("text_mn"), FieldPanel("text_en"), FieldPanel("is_correct")],
        ),
        MultiFieldPanel([FieldPanel("explanation_mn"), FieldPanel("explanation_en")], heading=_("Explanation")),
    ], base_form_class=QuestionForm)


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = ["title_mn", "kind", "module", "course", "pool"]
    list_filter = ["kind", "pool"]
    search_fields = ["title_mn", "title_en"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("title_mn"),
        FieldPanel("title_en"),
        MultiFieldPanel([FieldPanel("module"), FieldPanel("course")], heading=_("Belongs to")),
        MultiFieldPanel(
            [FieldPanel("pool"), FieldPanel("question_count"), FieldPanel("shuffle_choices")],
            heading=_("Questions"),
        ),
        MultiFieldPanel(
            [FieldPanel("multiple_choice_scoring"), FieldPanel("pass_percent"), FieldPanel("reveal_answers")],
            heading=_("Scoring"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_attempts"), FieldPanel("retry_wait"), FieldPanel("time_limit")],
            heading=_("Attempts"),
        ),
    ]


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions without add, change or delete: attempts change only through the services."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Attempt, ViewOnlyPermissionPolicy(Attempt))


class AttemptViewSet(SnippetViewSet):
    """Attempts of the learners the staff member manages, for review; regrades go through the quiz."""

    model = Attempt
    icon = "list-ul"
    menu_label = _("Attempts")
    list_display = ["learner", "quiz", "number", "status", "score_percent", "passed", "submitted_at"]
    list_filter = ["quiz", "status", "passed"]
    inspect_view_enabled = False

    def get_queryset(self, request):
        return Attempt.objects.filter(learner__in=managed_learners(request.user)).select_related("learner", "quiz")


class AssessmentsViewSetGroup(SnippetViewSetGroup):
    items = (QuizViewSet, QuestionViewSet, QuestionPoolViewSet, AttemptViewSet)
    menu_icon = "tasks"
    menu_label = _("Quizzes")
    menu_name = "assessments"


register_snippet(AssessmentsViewSetGroup)


@hooks.register("register_admin_urls")
def register_regrade_url():
    return [path("assessments/quiz/<id:quiz_id>/regrade/", RegradeView.as_view(), name="assessments_regrade")]


@hooks.register("register_snippet_listing_buttons")
def regrade_listing_button(instance, user, next_url=None):
    if isinstance(instance, Quiz) and can_regrade(user, instance):
        yield Button(_("Regrade attempts"), url=reverse("assessments_regrade", args=[instance.pk]), icon_name="tasks",
                     priority=50)


@hooks.register("register_log_actions")
def register_regrade_action(actions):
    actions.register_action(REGRADE_ACTION, _("Regrade attempts"), _("Attempts regraded"))
