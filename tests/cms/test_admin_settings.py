"""The admin asks no third party for anything and offers only time zones browsers know."""

import re
import zoneinfo

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_no_gravatar_anywhere(admin_client, admin_user):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert admin_user.email  # Wagtail would ask Gravatar for this address's picture
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        html = admin_client.get(url, headers={"accept-language": "en"}).content.decode()
        assert "gravatar" not in html.lower()
        assert "/static/wagtailadmin/images/default-user-avatar" in html


def time_zone_select(html):
    match = re.search(r'<select name="locale-current_time_zone"[^>]*>(.*?)</select>', html, re.S)
    assert match, "no time zone field in Account › Preferences"
    return match.group(0), re.findall(r'<option value="([^"]*)"', match.group(1))


def test_preferences_offer_real_time_zones_newsroom_first(admin_client):
    """The select's options are what the admin's JavaScript (w-locale) hands to
    Intl.DateTimeFormat: "localtime" there is a RangeError in the browser."""
    html = admin_client.get(reverse("wagtailadmin_account")).content.decode()
    select, values = time_zone_select(html)
    assert "localtime" not in values and "localtime" not in select
    assert values[0] == ""  # "Use server time zone"
    assert values[1] == "Asia/Almaty"
    assert values[1:] == settings.WAGTAIL_USER_TIME_ZONES
    iana = zoneinfo.available_timezones() - {"localtime", "posixrules", "Factory"}
    assert set(values[1:]) <= iana
    server = re.search(r'data-w-locale-server-time-zone-param="([^"]*)"', select).group(1)
    assert server in iana
