"""Which language a page's live text is really in.

An alias shows its source's text (`alias_of`). wagtail-localize turns an alias
into a page of its own as soon as someone starts translating it, and the row
stays live with the source's text; a translation can also be published with
nothing translated. Such a page is recorded here until a revision with
translated text is published (`languages.signals`): the delivery API, the
feeds and syndication treat it as the untranslated fallback it is.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page


class UntranslatedPage(models.Model):
    """A page, not an alias, whose live text is still that of another locale."""

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="untranslated"
    )
    content_locale = models.ForeignKey(
        Locale,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The locale whose text the page shows."),
    )
    since = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("untranslated page")
        verbose_name_plural = _("untranslated pages")

    def __str__(self):
        return f"{self.page_id} shows {self.content_locale_id}"


def own_text():
    """Pages whose text is in their own locale: neither aliases nor untranslated pages."""
    return Q(alias_of__isnull=True, untranslated__isnull=True)


class LatinSpelling(models.Model):
    """A name written in Latin script as the editors decide, not letter by letter: a brand,
    an agency, a person's own spelling (`languages.transliteration` does the rest)."""

    cyrillic = models.CharField(
        _("as written in Kazakh"),
        max_length=200,
        unique=True,
        help_text=_("Exactly as it appears in the Cyrillic text, e.g. «Қазақпарат»."),
    )
    latin = models.CharField(
        _("in Latin script"),
        max_length=200,
        blank=True,
        help_text=_("How readers of the Latin version see it; empty: keep it as written."),
    )

    panels = [FieldPanel("cyrillic"), FieldPanel("latin")]

    class Meta:
        verbose_name = _("Latin spelling")
        verbose_name_plural = _("Latin spellings")
        ordering = ["cyrillic"]

    def __str__(self):
        return f"{self.cyrillic} → {self.latin or self.cyrillic}"
