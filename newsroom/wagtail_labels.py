"""Labels Wagtail and wagtail-localize translate once, in whichever language is active then.

`wagtail.forms.TaskStateCommentForm` (the comment box of a workflow review: "Request changes",
"Approve with comment") builds its label with `gettext`, not `gettext_lazy`, so it is in the
language active when the module is imported (kk, the default) for every user: "Пікір" in an
English admin. Made lazy again here, it follows each user's admin language.
"""

from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail.utils.version import get_main_version


def make_lazy():
    from wagtail.forms import TaskStateCommentForm

    TaskStateCommentForm.base_fields["comment"].label = gettext_lazy("Comment")


# Menu items whose hook translates the label with `gettext` when the menu is first built
# (once per process, in the language of that request) — lazy labels in their place.


def _whats_new_label():
    return gettext("What's new in Wagtail %(version)s") % {
        "version": get_main_version(include_patch=False)
    }


whats_new_label = lazy(_whats_new_label, str)


def relabel_reports_menu(request, menu_items):
    report = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == report:
            item.label = gettext_lazy("Translations")


def relabel_help_menu(request, menu_items):
    for item in menu_items:
        if item.name.startswith("whats-new-in-wagtail-"):
            item.label = whats_new_label()
