"""Admin sign-in lockout (django-axes): 5 wrong passwords for one username from one IP
address lock that pair out for 15 minutes, the right password included; other users
and other addresses are not locked; an administrator can unlock (README, Security)."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from newsroom.roles import EDITORS
from tests.newsroom.conftest import make_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
PASSWORD = "right horse battery"  # noqa: S105


@pytest.fixture(autouse=True)
def _axes_on(settings):
    """Axes is off for the rest of the suite (cms/settings/test.py); on here."""
    settings.AXES_ENABLED = True


@pytest.fixture
def users(db):
    made = {}
    for username in ("editor", "colleague"):
        user = make_user(username, EDITORS)
        user.set_password(PASSWORD)
        user.save()
        made[username] = user
    return made


def sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": HOME},
        REMOTE_ADDR=ip,
        headers={"accept-language": "en"},
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, ip="203.0.113.7"):
    return [sign_in(client, username, "wrong", ip).status_code for _ in range(times)]


def assert_locked(response):
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed sign-in attempts" in text
    assert "locked after 5 wrong passwords from this address" in text
    assert "Try again in 15 minutes, or ask an administrator to unlock it." in text
    # The admin's own page (its styles), not a bare line of text.
    assert "<html" in text and "Back to sign in" in text


def test_behind_a_trusted_proxy_each_reader_is_locked_alone(client, settings, users):
    """Through the proxy every request has its address; the lockout reads X-Forwarded-For
    as the rate limits do (CMS_TRUSTED_PROXIES), or one guesser would lock out everyone."""
    settings.CMS_TRUSTED_PROXIES = ["10.0.0.0/8"]

    def through_proxy(password, reader):
        return client.post(
            LOGIN,
            {"username": "editor", "password": password, "next": HOME},
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR=reader,
            headers={"accept-language": "en"},
        )

    for _ in range(5):
        through_proxy("wrong", "198.51.100.66")
    assert_locked(through_proxy(PASSWORD, "198.51.100.66"))
    assert through_proxy(PASSWORD, "203.0.113.7").status_code == 302
    assert signed_in(client)


def test_a_right_password_signs_in(client, users):
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302 and response["Location"] == HOME
    assert signed_in(client)


def test_a_wrong_password_says_so(client, users):
    response = sign_in(client, "editor", "wrong")
    assert response.status_code == 200
    assert "Your username and password didn&#x27;t match." in response.content.decode()
    assert not signed_in(client)


def test_five_wrong_passwords_lock_out_even_the_right_one(client, users):
    statuses = fail(client, "editor", 5)
    assert statuses == [200, 200, 200, 200, 429]
    response = sign_in(client, "editor", PASSWORD)
    assert_locked(response)
    assert not signed_in(client)
    assert client.get(HOME).status_code == 302  # still sent to the sign-in page


def test_others_are_not_locked(client, users):
    fail(client, "editor", 5)
    # A colleague behind the same address (the newsroom's office) signs in.
    assert sign_in(client, "colleague", PASSWORD).status_code == 302
    client.logout()
    # The same username from another address too.
    assert sign_in(client, "editor", PASSWORD, ip="198.51.100.20").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, users):
    fail(client, "editor", 5)
    assert_locked(sign_in(client, "editor", PASSWORD))
    # 16 minutes later (the failures dated back; axes compares with AXES_COOLOFF_TIME).
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_shorter_cool_off(client, users, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=0)
    fail(client, "editor", 5)
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_an_administrator_unlocks_a_colleague(client, users):
    fail(client, "editor", 5)
    out = StringIO()
    call_command("axes_reset_username", "editor", stdout=out)
    assert "1 attempts removed" in out.getvalue()
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_a_success_forgets_earlier_failures(client, users):
    fail(client, "editor", 4)
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    # Four more: the count started again, not locked.
    assert fail(client, "editor", 4) == [200, 200, 200, 200]
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_force_login_is_untouched(client, users):
    """Tests sign in with force_login (no password, no authenticate()): axes never sees it."""
    fail(client, "editor", 5)
    client.force_login(users["editor"])
    assert client.get(HOME, headers={"accept-language": "en"}).status_code == 200
