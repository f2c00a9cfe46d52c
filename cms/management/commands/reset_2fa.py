"""``manage.py reset_2fa <username>``: remove a user's second factors (README, Security).

For a user who lost both their authenticator app and their recovery codes: their app,
their recovery codes and any other django-otp device are deleted. If two-factor
sign-in is required for them, their next sign-in asks them to set it up again;
otherwise they sign in with their password alone. Superusers can do the same in the
admin (Users › ⋯ › Reset two-factor sign-in).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.two_factor import devices, policy


class Command(BaseCommand):
    help = "Remove a user's two-factor devices (authenticator app, recovery codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        removed = devices.remove_all(user)
        if not removed:
            self.stdout.write(f"{username!r} had no two-factor sign-in set up: nothing to reset.")
            return
        devices.logger.warning("two-factor sign-in of %s reset (manage.py reset_2fa)", username)
        then = (
            "they set it up again at their next sign-in"
            if policy.is_required(user)
            else "they sign in with their password alone until they set it up again"
        )
        self.stdout.write(
            f"Two-factor sign-in of {username!r} reset ({removed} device(s) removed): {then}."
        )
