"""Roles live in auth groups and Wagtail's permission and workflow tables; the one model
here tells the translation status when a source's text last changed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import TranslationSource


class SourceTextChange(models.Model):
    """The last publish that changed the translatable text of a page others are translated
    from, since wagtail-localize last extracted it.

    Publishing a source without changing its text (featured articles, settings, another
    image) leaves its translations in sync: only a change of text makes them out of date
    (`newsroom.translation_status`). Kept by `newsroom.signals`.
    """

    source = models.OneToOneField(
        TranslationSource, primary_key=True, on_delete=models.CASCADE, related_name="text_change"
    )
    changed_at = models.DateTimeField(_("text changed at"))

    class Meta:
        verbose_name = _("source text change")
        verbose_name_plural = _("source text changes")

    def __str__(self):
        return f"{self.source_id} changed at {self.changed_at:%Y-%m-%d %H:%M}"
