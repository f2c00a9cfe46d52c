from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from news import archive


class NewsArticleForm(WagtailAdminPageForm):
    """The admin's slug check, section-wide: Wagtail's own looks at siblings only, and an
    article's URL leaves its year folder out."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        if slug and "slug" not in self.errors:
            if not archive.slug_is_free(slug, self.parent_page, self.instance):
                self.add_error(
                    "slug",
                    forms.ValidationError(
                        _(
                            "The slug '%(slug)s' is already in use in this news section "
                            "(perhaps in another year): choose another."
                        )
                        % {"slug": slug}
                    ),
                )
        return cleaned_data
