"""The home page, course pages and module pages of the Wagtail page tree."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from lms.models.bilingual import pick_language

from ..page_forms import ModulePageForm


class BilingualPageMixin(models.Model):
    """An English title and summary beside the Mongolian ones kept in Wagtail's fields."""

    title_en = models.CharField(_("title in English"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def display_title(self) -> str:
        return pick_language(self.title, self.title_en)


class HomePage(Page):
    """The site's front page: what the platform is and the course catalogue."""

    intro_mn = RichTextField(_("introduction in Mongolian"), blank=True)
    intro_en = RichTextField(_("introduction in English"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro_mn"), FieldPanel("intro_en")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def intro(self) -> str:
        return pick_language(self.intro_mn, self.intro_en)

    def get_context(self, request, *args, **kwargs):
        from ..services.catalogue import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue_for(request.user)
        return context


class CoursePage(BilingualPageMixin, Page):
    """A self-paced course: its modules are the child pages."""

    summary_mn = models.TextField(_("summary in Mongolian"), blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    audience = ParentalManyToManyField(
        "lms.Profession",
        verbose_name=_("audience professions"),
        blank=True,
        help_text=_("Learners of these professions can enrol themselves."),
    )
    estimated_hours = models.DecimalField(_("estimated hours"), max_digits=5, decimal_places=1, default=0)
    handbook = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("handbook"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sequential = models.BooleanField(
        _("modules unlock in order"),
        default=False,
        help_text=_("When set, a module opens only after the one before it is complete."),
    )
    academy = models.ForeignKey(
        "lms.TrainingAcademy",
        verbose_name=_("owning academy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        MultiFieldPanel([FieldPanel("summary_mn"), FieldPanel("summary_en")], heading=_("Summary")),
        FieldPanel("audience"),
        FieldPanel("estimated_hours"),
        FieldPanel("handbook"),
        FieldPanel("sequential"),
        FieldPanel("academy"),
    ]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def summary(self) -> str:
        return pick_language(self.summary_mn, self.summary_en)

    def modules(self):
        return ModulePage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from ..services.enrolment import can_self_enrol
        from ..services.module_view import final_exam_url
        from ..services.outline import build_outline
        from .enrolment import Enrollment

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        learner = user if user.is_authenticated else None
        outline = build_outline(learner, self)
        context["outline"] = outline
        context["modules"] = [state.module for state in outline.modules]
        context["can_view_content"] = user.is_authenticated and (user.is_approved or user.is_staff)
        context["enrollment"] = Enrollment.objects.filter(learner=user, course=self).first() if learner else None
        # Matches ModulePage.is_open_to, so the outline links only modules the user can open.
        context["can_open_modules"] = user.is_authenticated and (
            (context["enrollment"] is not None and (user.is_approved or user.is_staff))
            or user.is_superuser
            or (user.is_staff and self.permissions_for_user(user).can_edit())
        )
        context["can_enrol"] = learner is not None and can_self_enrol(user, self)
        context["handbook_document"] = self.handbook if self.handbook_id else None
        context["final_exam_url"] = final_exam_url(self)
        context["certificate"] = self._latest_certificate(learner) if context["enrollment"] else None
        return context

    def _latest_certificate(self, learner):
        """Return the learner's valid certificate for this course, else their latest revoked one, else None."""
        from certificates.models import Certificate

        certificates = Certificate.objects.filter(learner=learner, course=self)
        return certificates.valid().first() or certificates.order_by("-revoked_at", "-pk").first()


FAILED_VIDEO_MESSAGE = _(
    "Transcoding of this video failed, so learners cannot watch it. Retry the transcoding under "
    "Videos or choose another video."
)


class ModulePage(BilingualPageMixin, Page):
    """One module of a course: a lecture video, reading and a quiz."""

    body = StreamField(
        [
            ("text", blocks.RichTextBlock(label=_("Text"))),
            ("image", ImageChooserBlock(label=_("Image"))),
            ("document", DocumentChooserBlock(label=_("Document"))),
        ],
        verbose_name=_("body"),
        blank=True,
    )
    body_en = StreamField(
        [
            ("text", blocks.RichTextBlock(label=_("Text"))),
            ("image", ImageChooserBlock(label=_("Image"))),
            ("document", DocumentChooserBlock(label=_("Document"))),
        ],
        verbose_name=_("body in English"),
        blank=True,
    )
    video = models.ForeignKey(
        "media.Video",
        verbose_name=_("lecture video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
    )
    required_watch_percent = models.PositiveSmallIntegerField(
        _("share of the video to watch (%)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The module counts as watched once this share of the video has been played."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("video"),
        FieldPanel("body"),
        FieldPanel("body_en"),
        FieldPanel("required_watch_percent"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    base_form_class = ModulePageForm

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def clean(self):
        # Drafts may keep a failed video, because "Retry transcoding" can still make it ready.
        # Publishing a saved module with one is rejected here, which covers every path that
        # publishes a revision: the editor's Publish button, a reviewer's approval in the
        # workflow and scheduled publishing. ModulePageForm checks pages created in the editor.
        super().clean()
        if self.is_publishing_revision() and self.has_failed_video():
            raise ValidationError({"video": FAILED_VIDEO_MESSAGE})

    def is_publishing_revision(self) -> bool:
        """Return whether this save publishes a revision of a saved page.

        Wagtail's publishing sets `live` and a new `live_revision` before it saves the page, so
        a draft save or a move of a live page, which keep the stored live revision, is not one.
        A new page is not checked: the create view validates it while its `live` flag still
        has the model default, also when the editor only saves a draft.
        """
        if self.pk is None or not self.live:
            return False
        stored = Page.objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        return stored is None or not stored["live"] or stored["live_revision_id"] != self.live_revision_id

    def has_failed_video(self) -> bool:
        if self.video_id is None:
            return False
        from media.models import Video

        return Video.objects.filter(pk=self.video_id, status=Video.Status.FAILED).exists()

    def get_context(self, request, *args, **kwargs):
        from ..services.module_view import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(request.user, self))
        return context

    def serve(self, request, *args, **kwargs):
        # Lesson content is for learners enrolled in the course and for staff who may edit
        # the module. Others are sent to the public course page, which explains how to enrol.
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (user.is_approved or user.is_staff):
            raise PermissionDenied
        if not self.is_open_to(user):
            course = self.get_parent().specific
            messages.info(request, _("Enrol in this course to open its modules."))
            return redirect(course.get_url(request) or "/")
        return super().serve(request, *args, **kwargs)

    def is_open_to(self, user) -> bool:
        """Return whether the user is enrolled in the module's course or may edit the module."""
        from .enrolment import Enrollment

        if user.is_superuser or self.permissions_for_user(user).can_edit():
            return True
        return Enrollment.objects.filter(learner=user, course_id=self.get_parent().pk).exists()
