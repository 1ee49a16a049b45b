"""Forms of the Wagtail admin: question validation and the regrade form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Question


class QuestionForm(WagtailAdminModelForm):
    """Check the choices against the question type before saving."""

    def clean(self):
        cleaned = super().clean()
        choices = self.formsets.get("choices")
        if choices is None or not choices.is_valid():
            return cleaned

        remaining = [
            form.cleaned_data for form in choices.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        correct = sum(1 for choice in remaining if choice.get("is_correct"))
        kind = cleaned.get("kind")
        if len(remaining) < 2:
            raise ValidationError(_("A question needs at least two choices."), code="too_few_choices")
        if kind == Question.Kind.TRUE_FALSE and len(remaining) != 2:
            raise ValidationError(_("A true-or-false question has exactly two choices."), code="true_false_choices")
        if kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE) and correct != 1:
            raise ValidationError(_("Mark exactly one choice as correct."), code="one_correct")
        if kind == Question.Kind.MULTIPLE and correct < 1:
            raise ValidationError(_("Mark at least one choice as correct."), code="no_correct")
        return cleaned


class RegradeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the answer key of question 4 was wrong. Kept in the regrade record."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Write why the attempts are regraded."), code="reason_missing")
        return reason
