"""Two-factor sign-in to the admin (cms/two_factor; README, Security: Two-factor sign-in).

Off in the rest of the suite (cms/settings/test.py), on here. Users sign in with their
password through the admin's sign-in page, as a person does; codes are computed here
from the device's secret with django-otp's own TOTP (RFC 6238).
"""

import os
import re
import subprocess
import sys
import time
from base64 import b32decode
from datetime import timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from cms.two_factor import devices
from cms.wagtail_hooks import two_factor_reset_button
from newsroom.roles import CHIEF_EDITORS, EDITORS
from tests.newsroom.conftest import make_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")
LOGOUT = reverse("wagtailadmin_logout")
HOME = reverse("wagtailadmin_home")
PAGES = reverse("wagtailadmin_explore_root")
ACCOUNT = reverse("wagtailadmin_account")
USERS = reverse("wagtailusers_users:index")
VERIFY = reverse("two_factor_verify")
SETUP = reverse("two_factor_setup")
CODES = reverse("two_factor_recovery_codes")
MANAGE = reverse("two_factor_manage")
TURN_OFF = reverse("two_factor_turn_off")
NEW_CODES = reverse("two_factor_new_recovery_codes")
PASSWORD = "right horse battery"  # noqa: S105
EN = {"accept-language": "en"}
ROOT = Path(django_settings.BASE_DIR)


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    """Off for the rest of the suite (cms/settings/test.py); on here, with its defaults."""
    settings.ADMIN_2FA_ENABLED = True
    settings.ADMIN_2FA_REQUIRE_SUPERUSERS = True
    settings.ADMIN_2FA_REQUIRED_GROUPS = ["Chief editors"]


def make(username, group=None, superuser=False):
    if superuser:
        user = get_user_model().objects.create_superuser(username, f"{username}@e.test", PASSWORD)
    else:
        user = make_user(username, group)
        user.set_password(PASSWORD)
        user.save()
    return user


@pytest.fixture
def admin(db):
    return make("admin", superuser=True)


@pytest.fixture
def chief(db):
    return make("chief", CHIEF_EDITORS)


@pytest.fixture
def editor(db):
    return make("editor", EDITORS)


def get(client, url):
    return client.get(url, headers=EN)


def post(client, url, data=None):
    return client.post(url, data or {}, headers=EN)


def sign_in(client, username):
    response = post(client, LOGIN, {"username": username, "password": PASSWORD, "next": HOME})
    assert response.status_code == 302, "the password sign-in itself failed"
    return response


def sign_out(client):
    assert post(client, LOGOUT).status_code == 302
    assert "_auth_user_id" not in client.session


def redirected_to(response, url):
    """The redirect's target path (and its ``next``) when it goes to ``url``, else None."""
    if response.status_code != 302:
        return None
    location = urlsplit(response["Location"])
    if location.path != url:
        return None
    return parse_qs(location.query).get("next", [""])[0]


def code_for(device):
    """The app's code: the current time step, or the next one if the current one was
    used already (a code is accepted once; the device allows one step of drift)."""
    device.refresh_from_db()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now.time = time.time()
    step = max(now.t(), device.last_t + 1)
    assert step - now.t() <= device.tolerance
    drift = device.drift + step - now.t()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def wrong_code_for(device):
    right = code_for(device)
    return "123456" if right != "123456" else "654321"


def page_text(response):
    return response.content.decode()


def enrol(client, user, next_page=HOME):
    """Set up the app as a person does: open the page, type the app's code, read the
    recovery codes. Returns (device, codes)."""
    response = get(client, f"{SETUP}?next={next_page}")
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = post(client, SETUP, {"code": code_for(device), "next": next_page})
    assert redirected_to(response, CODES) == next_page
    page = get(client, response["Location"])
    assert page.status_code == 200
    codes = re.findall(r"<code>([a-z2-7]{8})</code>", page_text(page))
    return device, codes


def verified(client):
    return get(client, HOME).status_code == 200


# --- who must ------------------------------------------------------------------------


def test_a_superuser_without_a_device_is_sent_to_set_it_up(client, admin):
    sign_in(client, "admin")
    for url in (HOME, PAGES, ACCOUNT, USERS, MANAGE, f"{PAGES}?ordering=title"):
        assert redirected_to(get(client, url), SETUP) == url, url
    # A POST is sent there too (and does not come back to be replayed).
    assert redirected_to(post(client, ACCOUNT, {"first_name": "X"}), SETUP) == HOME
    # No device to ask a code of: the code page sends to the set-up too.
    assert redirected_to(get(client, VERIFY), SETUP) == HOME


def test_the_setup_page_shows_a_qr_code_and_the_secret(client, admin):
    sign_in(client, "admin")
    response = get(client, SETUP)
    text = page_text(response)
    device = TOTPDevice.objects.get(user=admin)
    assert not device.confirmed
    # The QR code: an inline SVG made here, no image from elsewhere.
    assert re.search(r'<svg class="two-factor-qr" role="img" [^>]*viewBox="0 0 \d+ \d+"', text)
    assert "<path" in text
    # The secret as text, in groups of four, and the otpauth:// URI of the QR code.
    secret = re.search(r'<code class="two-factor-secret">([A-Z2-7 ]+)</code>', text).group(1)
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    assert 'href="otpauth://totp/Otandas%3Aadmin?secret=' in text
    assert "issuer=Otandas" in text
    # The admin's sign-in look (its stylesheet), in English, with a way out.
    assert "wagtailadmin/css/core.css" in text and 'class="login two-factor"' in text
    assert "Set up two-factor sign-in" in text and "Sign out" in text
    assert 'autocomplete="one-time-code"' in text
    # Opened again (a reload): the same secret, not a new one to scan.
    get(client, SETUP)
    assert TOTPDevice.objects.get(user=admin).key == device.key


def test_enrolment_with_a_real_code_then_ten_recovery_codes_once(client, admin):
    sign_in(client, "admin")
    assert redirected_to(get(client, PAGES), SETUP) == PAGES
    get(client, f"{SETUP}?next={PAGES}")
    device = TOTPDevice.objects.get(user=admin)

    response = post(client, SETUP, {"code": wrong_code_for(device), "next": PAGES})
    assert response.status_code == 200
    assert "That code is not right" in page_text(response)
    assert not TOTPDevice.objects.get(user=admin).confirmed
    assert redirected_to(get(client, HOME), SETUP) == HOME
    TOTPDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(minutes=1))

    response = post(client, SETUP, {"code": code_for(device), "next": PAGES})
    assert redirected_to(response, CODES) == PAGES
    page = get(client, response["Location"])
    text = page_text(page)
    codes = re.findall(r"<code>([a-z2-7]{8})</code>", text)
    assert len(set(codes)) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert "they are not shown again" in text
    assert f'href="{PAGES}"' in text  # continue to the page first asked for
    # Shown once: the page does not show them again.
    again = get(client, CODES)
    assert redirected_to(again, MANAGE) is not None
    assert codes[0] not in page_text(get(client, MANAGE))
    # This session gave its second factor: the admin opens.
    assert TOTPDevice.objects.get(user=admin).confirmed
    assert get(client, PAGES).status_code == 200
    assert verified(client)


def test_signing_in_again_asks_for_the_code(client, admin):
    sign_in(client, "admin")
    device, _ = enrol(client, admin)
    sign_out(client)

    sign_in(client, "admin")
    assert redirected_to(get(client, HOME), VERIFY) == HOME
    assert redirected_to(get(client, PAGES), VERIFY) == PAGES
    # A password alone does not let anyone set up another app.
    assert redirected_to(get(client, SETUP), VERIFY) is not None
    assert TOTPDevice.objects.filter(user=admin).count() == 1
    response = get(client, f"{VERIFY}?next={PAGES}")
    text = page_text(response)
    assert response.status_code == 200
    assert "Enter the 6-digit code your authenticator app shows for Otandas." in text
    assert "recovery codes" in text and "Sign out" in text

    response = post(client, VERIFY, {"code": code_for(device), "next": PAGES})
    assert response.status_code == 302 and response["Location"] == PAGES
    assert get(client, PAGES).status_code == 200
    # Only pages of this site are followed.
    sign_out(client)
    sign_in(client, "admin")
    response = post(client, VERIFY, {"code": code_for(device), "next": "https://evil.test/"})
    assert response["Location"] == HOME


def test_a_wrong_code_is_refused_and_the_next_try_waits(client, admin):
    sign_in(client, "admin")
    device, codes = enrol(client, admin)
    sign_out(client)
    sign_in(client, "admin")

    response = post(client, VERIFY, {"code": wrong_code_for(device), "next": HOME})
    assert response.status_code == 200
    assert "That code is not right." in page_text(response)
    assert not verified(client)
    # Right away, even the right code waits (django-otp's throttling: 1 s, then 2, 4...).
    response = post(client, VERIFY, {"code": code_for(device), "next": HOME})
    assert response.status_code == 200
    waiting = r"Too many wrong codes\. Wait \d seconds?, then try again\."
    assert re.search(waiting, page_text(response))
    assert not verified(client)
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 1
    # A wrong app code does not count against the recovery codes.
    assert StaticDevice.objects.get(user=admin).throttling_failure_count == 0
    # Nor does nothing at all, or a code of neither shape, get in.
    for code in ("", "12", "!!!!"):
        response = post(client, VERIFY, {"code": code, "next": HOME})
        assert response.status_code == 200 and not verified(client)

    TOTPDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=5))
    response = post(client, VERIFY, {"code": code_for(device), "next": HOME})
    assert response.status_code == 302
    assert verified(client)
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 0


def test_a_recovery_code_works_once(client, admin):
    sign_in(client, "admin")
    _, codes = enrol(client, admin)
    sign_out(client)

    sign_in(client, "admin")
    typed = f"{codes[0][:4].upper()}-{codes[0][4:].upper()}"  # as read off a printout
    response = post(client, VERIFY, {"code": typed, "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    home = get(client, HOME)
    assert home.status_code == 200
    assert "You signed in with a recovery code; 9 are left." in page_text(home)
    assert StaticToken.objects.count() == 9
    sign_out(client)

    sign_in(client, "admin")
    response = post(client, VERIFY, {"code": codes[0], "next": HOME})
    assert response.status_code == 200
    assert "That code is not right." in page_text(response)
    assert not verified(client)
    StaticDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=5))
    assert post(client, VERIFY, {"code": codes[1], "next": HOME}).status_code == 302
    assert verified(client)


def test_a_recovery_code_read_off_a_printout(admin):
    """Base32 has no 0, 1 or 8: typed for o, l and b, they are read as those."""
    device = StaticDevice.objects.create(user=admin, name="Recovery codes")
    device.token_set.create(token="hellob2a")
    assert devices.verify(admin, " HE11-08 2A ") == device
    assert not device.token_set.exists()


def test_new_recovery_codes_replace_the_old_ones(client, admin):
    sign_in(client, "admin")
    _, old = enrol(client, admin)
    response = post(client, NEW_CODES)
    assert redirected_to(response, CODES) == MANAGE
    new = re.findall(r"<code>([a-z2-7]{8})</code>", page_text(get(client, response["Location"])))
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


# --- chief editors, editors ------------------------------------------------------------


def test_a_chief_editor_is_required(client, chief):
    sign_in(client, "chief")
    assert redirected_to(get(client, HOME), SETUP) == HOME
    enrol(client, chief)
    assert verified(client)
    # Required: it cannot be turned off.
    page = page_text(get(client, MANAGE))
    assert "Two-factor sign-in is on." in page and "it cannot be turned off" in page
    assert TURN_OFF not in page
    post(client, TURN_OFF)
    assert TOTPDevice.objects.filter(user=chief, confirmed=True).exists()
    sign_out(client)
    sign_in(client, "chief")
    assert redirected_to(get(client, HOME), VERIFY) == HOME


def test_an_editor_is_not_required_but_can_turn_it_on(client, editor):
    sign_in(client, "editor")
    assert verified(client)  # the password is enough
    # Account › More actions › Two-factor sign-in.
    account = page_text(get(client, ACCOUNT))
    assert f'href="{MANAGE}"' in account
    manage = page_text(get(client, MANAGE))
    assert "Two-factor sign-in is off." in manage and f'href="{SETUP}"' in manage

    device, _ = enrol(client, editor, next_page=MANAGE)
    assert "Two-factor sign-in is on." in page_text(get(client, MANAGE))
    sign_out(client)

    # Once set up, it is asked for.
    sign_in(client, "editor")
    assert redirected_to(get(client, HOME), VERIFY) == HOME
    post(client, VERIFY, {"code": code_for(device), "next": HOME})
    assert verified(client)

    # And it can be turned off again (optional for editors).
    assert redirected_to(post(client, TURN_OFF), MANAGE) is not None
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    sign_out(client)
    sign_in(client, "editor")
    assert verified(client)


def test_the_required_groups_are_a_setting(client, editor, settings):
    settings.ADMIN_2FA_REQUIRED_GROUPS = [EDITORS]
    sign_in(client, "editor")
    assert redirected_to(get(client, HOME), SETUP) == HOME


def test_the_defaults_and_their_environment_variables():
    assert django_settings.ADMIN_2FA_REQUIRED_GROUPS == [CHIEF_EDITORS]
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ADMIN_2FA_ENABLED, s.ADMIN_2FA_REQUIRE_SUPERUSERS, s.ADMIN_2FA_REQUIRED_GROUPS)"
    )

    def read(**env):
        environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env}
        for name in ("ADMIN_2FA_ENABLED", "ADMIN_2FA_REQUIRED_GROUPS"):
            if name not in env:
                environ.pop(name, None)
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1]

    assert read() == "True True ['Chief editors']"
    assert read(ADMIN_2FA_ENABLED="0", ADMIN_2FA_REQUIRED_GROUPS="Editors, Translators") == (
        "False True ['Editors', 'Translators']"
    )


def test_switched_off_nobody_is_asked(client, admin, settings):
    sign_in(client, "admin")
    enrol(client, admin)
    sign_out(client)
    settings.ADMIN_2FA_ENABLED = False
    sign_in(client, "admin")
    assert verified(client)
    assert get(client, VERIFY).status_code == 404
    assert f'href="{MANAGE}"' not in page_text(get(client, ACCOUNT))


# --- resetting -----------------------------------------------------------------------------


def test_the_reset_command(client, admin, chief):
    client.logout()
    sign_in(client, "chief")
    enrol(client, chief)
    sign_out(client)

    out = StringIO()
    call_command("reset_2fa", "chief", stdout=out)
    assert "Two-factor sign-in of 'chief' reset (2 device(s) removed)" in out.getvalue()
    assert "they set it up again at their next sign-in" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=chief).exists()
    assert not StaticToken.objects.filter(device__user=chief).exists()
    sign_in(client, "chief")
    assert redirected_to(get(client, HOME), SETUP) == HOME

    out = StringIO()
    call_command("reset_2fa", "chief", stdout=out)
    assert "nothing to reset" in out.getvalue()
    with pytest.raises(CommandError, match="No user 'nobody'"):
        call_command("reset_2fa", "nobody")


def test_a_superuser_resets_a_colleague_in_the_admin(client, admin, chief, editor):
    chief_client = type(client)()
    sign_in(chief_client, "chief")
    enrol(chief_client, chief)

    sign_in(client, "admin")
    enrol(client, admin)
    reset = reverse("two_factor_reset", args=[chief.pk])
    assert f'href="{reset}"' in page_text(get(client, USERS))  # Users › ⋯
    confirm = page_text(get(client, reset))
    assert "Remove the authenticator app and the recovery codes of chief?" in confirm
    response = post(client, reset)
    assert response.status_code == 302 and response["Location"] == USERS
    assert "Two-factor sign-in of chief was reset" in page_text(get(client, USERS))
    assert not TOTPDevice.objects.filter(user=chief).exists()
    # The chief editor's session that gave the old code is no longer verified.
    assert redirected_to(get(chief_client, HOME), SETUP) == HOME
    # Only superusers may.
    sign_out(client)
    assert two_factor_reset_button(user=chief, request_user=editor) == []
    sign_in(client, "editor")
    assert get(client, reset).status_code == 302  # Wagtail's "permission denied"
    assert post(client, reverse("two_factor_reset", args=[admin.pk])).status_code == 302
    assert TOTPDevice.objects.filter(user=admin, confirmed=True).exists()


# --- what is not the admin ------------------------------------------------------------------


QUERY = {"query": "{ __typename }"}


def test_the_api_is_unaffected(client, admin):
    assert client.post("/graphql/", QUERY, content_type="application/json").json() == {
        "data": {"__typename": "Query"}
    }
    sign_in(client, "admin")  # owes the second factor
    response = client.post("/graphql/", QUERY, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}
    assert client.get("/graphql/", {"query": "{ __typename }"}).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/feeds/en/news.rss").status_code in (200, 404)


def test_outside_the_admin_a_session_owing_the_code_is_signed_out(client, admin):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="memo", file=ContentFile(b"internal", name="memo.txt"), collection=private
    )
    sign_in(client, "admin")
    assert client.get(document.url).status_code == 302  # to the sign-in page
    enrol(client, admin)
    assert client.get(document.url).status_code == 200


# --- languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, heading",
    [("kk", "Екі факторлы кіру"), ("ru", "Двухфакторный вход")],
)
def test_the_pages_speak_the_admins_languages(client, admin, language, heading):
    sign_in(client, "admin")
    enrol(client, admin)
    sign_out(client)
    sign_in(client, "admin")
    response = client.get(VERIFY, headers={"accept-language": language})
    assert heading in page_text(response)
