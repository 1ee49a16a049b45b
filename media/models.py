"""Lecture videos, their HLS renditions and their caption files."""

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from lms.models.bilingual import pick_language

from .forms import VideoAdminForm
from .panels import TranscodingStatusPanel


def new_public_key() -> str:
    """Return an unguessable code for the video's public URLs."""
    return secrets.token_urlsafe(16)


def source_upload_path(video: "Video", filename: str) -> str:
    # Sources sit apart from the published renditions, so cleaning an output folder can
    # never touch an original upload.
    return f"videos/sources/{video.public_key}/{filename}"


def caption_upload_path(caption: "Caption", filename: str) -> str:
    return f"videos/captions/{caption.video.public_key}/{filename}"


class Video(index.Indexed, ClusterableModel):
    """A lecture video uploaded once and transcoded into an HLS ladder."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    title = models.CharField(_("title in Mongolian"), max_length=255)
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    public_key = models.CharField(
        _("public key"), max_length=32, unique=True, default=new_public_key, editable=False
    )
    source = models.FileField(
        _("source file"),
        upload_to=source_upload_path,
        max_length=500,
        help_text=_("The original lecture recording: MP4, MOV, MKV or WebM. It is kept after transcoding."),
    )
    source_sha256 = models.CharField(
        _("source checksum (SHA-256)"), max_length=64, blank=True, db_index=True, editable=False
    )
    allow_download = models.BooleanField(
        _("allow download"),
        default=False,
        help_text=_("Learners may download a small 360p MP4 copy to watch offline."),
    )

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED, editable=False
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, editable=False)
    failure_reason = models.TextField(_("reason for failure"), blank=True, editable=False)
    failure_detail = models.TextField(_("technical details"), blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("transcoding attempts"), default=0, editable=False)
    started_at = models.DateTimeField(_("transcoding started"), null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("transcoding finished"), null=True, blank=True, editable=False)

    duration_seconds = models.FloatField(_("duration (seconds)"), null=True, blank=True, editable=False)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    poster = models.ImageField(_("poster image"), max_length=500, blank=True, editable=False)
    output_prefix = models.CharField(
        _("published output folder"), max_length=255, blank=True, editable=False
    )
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    download = models.FileField(_("download copy (MP4)"), max_length=500, blank=True, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        TranscodingStatusPanel(heading=_("Transcoding")),
        MultiFieldPanel([FieldPanel("title"), FieldPanel("title_en")], heading=_("Title")),
        FieldPanel("source"),
        FieldPanel("allow_download"),
        InlinePanel("captions", heading=_("Captions"), label=_("Caption file")),
    ]
    base_form_class = VideoAdminForm
    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_en"),
        index.AutocompleteField("title"),
        index.AutocompleteField("title_en"),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("media:watch", kwargs={"public_key": self.public_key})

    @property
    def display_title(self) -> str:
        return pick_language(self.title, self.title_en)

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    def output_name(self, relative: str) -> str:
        """Return the storage name of a published output file, such as "master.m3u8"."""
        return f"{self.output_prefix}/{relative}"


class Caption(models.Model):
    """One WebVTT caption track of a video, in Mongolian or English."""

    class Language(models.TextChoices):
        MONGOLIAN = "mn", _("Mongolian")
        ENGLISH = "en", _("English")

    video = ParentalKey(Video, on_delete=models.CASCADE, related_name="captions", verbose_name=_("video"))
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    file = models.FileField(
        _("caption file"),
        upload_to=caption_upload_path,
        max_length=500,
        help_text=_("WebVTT (.vtt) or SubRip (.srt). SubRip files are converted to WebVTT."),
    )
    cues = models.JSONField(_("cues"), default=list, blank=True, editable=False)

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta:
        verbose_name = _("caption file")
        verbose_name_plural = _("caption files")
        constraints = [
            models.UniqueConstraint(fields=["video", "language"], name="media_caption_one_per_language"),
        ]

    def __str__(self) -> str:
        return f"{self.video} ({self.get_language_display()})"

    def clean(self) -> None:
        from .captions import normalise_caption_upload

        super().clean()
        if self.file and not self.file._committed:
            self.file, self.cues = normalise_caption_upload(self.file)
