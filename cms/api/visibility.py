"""What a reader may see: one rule, applied by every entry point.

A reader sees a page only if it is live, has gone live, has not expired and
has no view restriction on itself or an ancestor. `publish_scheduled` only
flips `live` once a minute, so the times are checked here too.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def visible_filter(now=None):
    now = now or timezone.now()
    return (
        Q(live=True)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def restricted_filter():
    """Pages under a view restriction (login, password, groups), themselves included."""
    q = Q(pk__in=[])
    for path in PageViewRestriction.objects.values_list("page__path", flat=True).distinct():
        q |= Q(path__startswith=path)
    return q


def visible_pages(info_or_none, queryset):
    """Filter a page queryset down to what any reader may see."""
    return queryset.filter(visible_filter()).exclude(restricted_filter())


def is_visible(page):
    if not page.live:
        return False
    now = timezone.now()
    if page.go_live_at and page.go_live_at > now:
        return False
    if page.expire_at and page.expire_at <= now:
        return False
    return not PageViewRestriction.objects.filter(
        page__path__in=[page.path[: i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    ).exists()
