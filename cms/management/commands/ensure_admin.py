"""``manage.py ensure_admin``: a superuser for local development, with its password printed.

The first run creates the user with a random password and stores the
password in ``var/admin-password`` (mode 600); later runs keep the user and
print the stored password again. Nothing is ever reset: if the password was
changed in the admin, the command says the stored one is out of date.

Two-factor sign-in is required for superusers (ADMIN_2FA_*, README, Security): until
the admin has set it up, the command says that the first sign-in asks for it (the
QR code of an authenticator app); ``manage.py reset_2fa admin`` starts it over.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from cms.two_factor import policy


def default_password_file():
    return Path(settings.VAR_DIR) / "admin-password"


def write_secret(path: Path, text: str):
    """Write ``text`` to a file only its owner can read, creating it with that mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text + "\n")
    path.chmod(0o600)


class Command(BaseCommand):
    help = "Create the development superuser once (random password, kept in var/admin-password)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.com")
        parser.add_argument(
            "--password-file",
            type=Path,
            default=None,
            help="where the password is kept (default: var/admin-password)",
        )

    def handle(self, *, username, email, password_file, **options):
        password_file = password_file or default_password_file()
        User = get_user_model()
        stored = password_file.read_text().strip() if password_file.exists() else ""

        with transaction.atomic():
            user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                # A stored password outlives a deleted database: reuse it.
                password = stored or secrets.token_urlsafe(12)
                User.objects.create_superuser(username, email=email, password=password)
                if password != stored:
                    write_secret(password_file, password)
                self.stdout.write(f"Created superuser {username!r}.")
            elif not stored:
                self.stderr.write(
                    f"User {username!r} exists but {password_file} does not: its password "
                    f"is not managed here (change it with `manage.py changepassword {username}`)."
                )
                return
            elif not user.check_password(stored):
                self.stderr.write(
                    f"The password in {password_file} is no longer {username!r}'s: it was "
                    f"changed since (reset it with `manage.py changepassword {username}`)."
                )
                return
            else:
                password = stored

        self.stdout.write(f"Admin login: {username} / {password}")
        user = User.objects.get(**{User.USERNAME_FIELD: username})
        if policy.is_required(user) and not policy.has_device(user):
            self.stdout.write(
                "Two-factor sign-in: at the first sign-in, scan the QR code shown with an "
                "authenticator app and enter its code (`manage.py reset_2fa "
                f"{username}` starts over)."
            )
