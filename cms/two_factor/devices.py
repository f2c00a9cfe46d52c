"""A user's second factors: one authenticator app (a TOTP device) and a set of
single-use recovery codes (a static device), both django-otp's.

Codes are checked against one device, chosen by their shape (digits: the app; letters
and digits: a recovery code), never against every device in turn: a wrong code counts
against that device's throttle only (django-otp: the next try waits 1, 2, 4, 8...
seconds after consecutive failures, ``OTP_*_THROTTLE_FACTOR``).
"""

import logging
import math
import re
from base64 import b32encode

import django_otp
import qrcode
import qrcode.constants
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

# Names stored with the devices (django-otp's admin and the database show them).
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


class CodeError(Exception):
    """A code that was refused; ``message`` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


WRONG_CODE = _(
    "That code is not right. Enter the code your authenticator app shows now, "
    "or one of your recovery codes (each works once)."
)


RECOVERY_CODE_LOOKALIKES = str.maketrans("018", "olb")


def normalise(code):
    """What the user typed, without spaces or dashes, in lower case."""
    return re.sub(r"[\s-]+", "", code or "").lower()


# --- the authenticator app -----------------------------------------------------------


def app_device(user):
    """The user's confirmed authenticator app, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def enrolment_device(user):
    """The device being set up: the same one (the same secret) until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The secret as the apps' "enter a key" screens take it: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(text):
    """An inline SVG QR code of ``text`` (made here: no image service, no network).

    Black on a white square with the standard quiet zone, so that it scans in dark mode
    too; its size comes from the viewBox and the page's stylesheet.
    """
    image = qrcode.make(
        text,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        border=4,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg, count=2)
    svg = svg.replace("<svg ", '<svg class="two-factor-qr" role="img" ', 1)
    # qrcode wrote every byte of it from the URI's modules: no markup of ours or theirs.
    return mark_safe(svg)


def confirm_enrolment(user, code):
    """Check the first code of the device being set up; on success it becomes the user's
    authenticator app (replacing any other) and new recovery codes are made.

    Returns ``(device, recovery_codes)``; raises CodeError.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        raise CodeError(_("Setting up took too long: scan the new QR code and try again."))
    code = normalise(code)
    if not code.isdigit() or len(code) != device.digits:
        raise CodeError(_("Enter the 6-digit code your authenticator app shows."))
    verified = _verify(device, code)
    if verified is None:
        raise CodeError(
            _(
                "That code is not right. Check that you scanned this page's QR code, "
                "then enter the newest code."
            )
        )
    with transaction.atomic():
        verified.confirmed = True
        verified.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=verified.pk).delete()
        codes = replace_recovery_codes(user)
    logger.info("two-factor sign-in set up for %s", user.get_username())
    return verified, codes


# --- recovery codes ---------------------------------------------------------------------


def _random_recovery_code():
    # django-otp's: 8 characters of base32 (40 bits). Never all digits, which would be
    # taken for an app's code.
    while True:
        code = StaticToken.random_token()
        if not code.isdigit():
            return code


def replace_recovery_codes(user, count=None):
    """New recovery codes for the user, the old ones gone. Returns them (shown once:
    only they are kept, in the database, until used)."""
    count = count or settings.ADMIN_2FA_RECOVERY_CODES
    codes = set()
    while len(codes) < count:
        codes.add(_random_recovery_code())
    codes = sorted(codes)
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- signing in -----------------------------------------------------------------------------


def _throttle_message(extra):
    locked_until = (extra or {}).get("locked_until")
    seconds = 1
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second, then try again.",
        "Too many wrong codes. Wait %(seconds)d seconds, then try again.",
        seconds,
    ) % {"seconds": seconds}


def _verify(device, code):
    """``device`` if it accepts ``code``; None if not; CodeError while it is throttled.

    The device is locked for the check (django-otp's verify_token), and its throttle
    state is saved whatever the outcome (no exception inside the transaction).
    """
    with transaction.atomic():
        locked = type(device).objects.select_for_update().filter(pk=device.pk).first()
        if locked is None:
            return None
        allowed, extra = locked.verify_is_allowed()
        throttled = None if allowed else _throttle_message(extra)
        accepted = not throttled and locked.verify_token(code)
    if throttled:
        raise CodeError(throttled)
    return locked if accepted else None


def verify(user, code):
    """The confirmed device that accepts ``code`` (app or recovery code), or CodeError."""
    code = normalise(code)
    if not code:
        raise CodeError(_("Enter the code from your authenticator app, or a recovery code."))
    if code.isdigit():
        model = TOTPDevice
    else:
        # Recovery codes are base32: no 0, 1 or 8, read off a printout as o, l and b.
        model, code = StaticDevice, code.translate(RECOVERY_CODE_LOOKALIKES)
    device = model.objects.filter(user=user, confirmed=True).order_by("-id").first()
    verified = _verify(device, code) if device is not None else None
    if verified is None:
        logger.warning("wrong second-factor code for %s", user.get_username())
        raise CodeError(WRONG_CODE)
    return verified


def is_recovery_code(device):
    return isinstance(device, StaticDevice)


# --- turning it off ----------------------------------------------------------------------


def remove_all(user):
    """Delete every second factor of the user (app, recovery codes, any other django-otp
    device). Returns how many devices there were."""
    removed = 0
    with transaction.atomic():
        for model in django_otp.device_classes():
            _total, per_model = model.objects.filter(user=user).delete()
            removed += per_model.get(model._meta.label, 0)
    return removed
