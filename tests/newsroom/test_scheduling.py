"""Scheduled publishing and expiry are done by the worker's periodic publish_scheduled."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.worker import publish_scheduled
from tests.factories import make_article

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def two_hours_later():
    """Wagtail and its publish_scheduled read the time through django.utils.timezone."""
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + 2 * HOUR)


def test_a_page_scheduled_in_the_past_is_published_by_the_worker(site):
    article = make_article(site.news["kk"], "Scheduled", live=False)
    article.go_live_at = timezone.now() + HOUR
    revision = article.save_revision()
    revision.publish()  # with a go-live time ahead: scheduled, not live
    article.refresh_from_db()
    assert not article.live and article.scheduled_revision == revision
    publish_scheduled()
    assert not Page.objects.get(pk=article.pk).live  # not yet
    with two_hours_later():
        publish_scheduled()
    article.refresh_from_db()
    assert article.live and article.live_revision_id == revision.pk


def test_an_expired_page_is_unpublished_by_the_worker(site):
    article = make_article(site.news["kk"], "Expiring")
    article.expire_at = timezone.now() + HOUR
    article.save_revision().publish()
    publish_scheduled()
    assert Page.objects.get(pk=article.pk).live
    with two_hours_later():
        publish_scheduled()
    article.refresh_from_db()
    assert not article.live and article.expired
