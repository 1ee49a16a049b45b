"""Object ids taken from URLs and forms, kept inside the database's 64-bit integer range.

A larger number reaches the database driver unchanged whenever Django's own range check
does not apply (the primary key of a page subclass is a link to its base page, and `__in`
lookups have no check). SQLite then raises OverflowError and PostgreSQL a DataError, and
the site returns a server error. Ids from the path are therefore matched only when short
enough, and id form fields turn a number out of range into the usual "Select a valid
choice" error before any query runs.
"""

from django import forms
from django.db import models
from django.urls import register_converter
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import AbstractPage

# The range of a signed 64-bit integer: SQLite's INTEGER and PostgreSQL's bigint.
MIN_ID = -(2**63)
MAX_ID = 2**63 - 1


class ObjectIdConverter:
    """`<id:name>` in a URL pattern: 1 to 18 digits, which always fit in 64 bits.

    A longer number matches no pattern, so the visitor gets the site's 404 page.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(ObjectIdConverter, "id")


def fits_id_range(value) -> bool:
    """Return False only for a whole number beyond 64 bits. Other values are left to the field's checks."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return True
    try:
        number = int(str(value).strip())
    except ValueError:
        return True
    return MIN_ID <= number <= MAX_ID


def _has_integer_key(field: forms.ModelChoiceField) -> bool:
    """Return whether the field's choices are keyed by an integer column, following a page's link to its base."""
    options = field.queryset.model._meta
    key = options.get_field(field.to_field_name) if field.to_field_name else options.pk
    while key.is_relation:
        key = key.target_field
    return isinstance(key, models.IntegerField)


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that rejects an integer id beyond 64 bits as an invalid choice."""

    def to_python(self, value):
        if value not in self.empty_values and _has_integer_key(self) and not fits_id_range(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that rejects an integer id beyond 64 bits as an invalid choice."""

    def clean(self, value):
        if isinstance(value, (list, tuple)) and _has_integer_key(self):
            for item in value:
                if item not in self.empty_values and not fits_id_range(item):
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                    )
        return super().clean(value)


class IdPageChooser(AdminPageChooser):
    """Wagtail's page chooser, showing no page when a re-shown form contains an id beyond 64 bits."""

    def get_instance(self, value):
        if not fits_id_range(value):
            return None
        return super().get_instance(value)


def register_admin_form_fields() -> None:
    """Give Wagtail's generated admin forms the id fields for links to pages and many-to-many fields.

    Links to snippets and plain models keep Django's field: their primary key is an integer
    column, where Django's own range check already turns an out-of-range id into "Select a valid choice".
    """
    # This replaces Wagtail's own override for page links, so it keeps a page chooser widget.
    register_form_field_override(
        models.ForeignKey,
        to=AbstractPage,
        override=lambda db_field: {
            "widget": IdPageChooser(target_models=[db_field.remote_field.model]),
            "form_class": IdChoiceField,
        },
    )
    register_form_field_override(models.ManyToManyField, override={"form_class": IdMultipleChoiceField})
