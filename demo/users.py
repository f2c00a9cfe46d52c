"""Demo users, one per role, for trying the newsroom workflow (and for browser tests).

As with `manage.py ensure_admin`, each user gets a random password on first
creation; the passwords are kept in ``var/demo-users.json`` (mode 600) so that
every later run prints them again, and a stored password outlives a deleted
database. A password changed in the admin is never reset: the run says so.
"""

import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from newsroom.roles import CHIEF_EDITORS, EDITORS, PARTNER_MANAGERS, TRANSLATORS

DEMO_USERS = (
    # username, group, first name, last name
    ("editor", EDITORS, "Aigerim", "Editor"),
    ("chief", CHIEF_EDITORS, "Nurlan", "Chief"),
    ("translator", TRANSLATORS, "Dana", "Translator"),
    ("partners", PARTNER_MANAGERS, "Yerlan", "Partners"),
)


def demo_users_file():
    return Path(settings.VAR_DIR) / "demo-users.json"


def read_passwords(path):
    try:
        return json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def write_passwords(path, passwords):
    """Write the passwords to a file only its owner can read, created with that mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(passwords, handle, indent=2, sort_keys=True)
        handle.write("\n")
    path.chmod(0o600)


def create_demo_users(stdout, path=None):
    """Create the demo users if missing, put each in its group, print the logins."""
    path = path or demo_users_file()
    stored = read_passwords(path)
    User = get_user_model()
    passwords = dict(stored)
    for username, group_name, first_name, last_name in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = stored.get(username) or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                email=f"{username}@example.com",
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
            passwords[username] = password
        elif username not in stored or not user.check_password(stored[username]):
            stdout.write(
                f"Demo user {username!r} exists with a password not kept in {path} "
                f"(reset it with `manage.py changepassword {username}`)."
            )
            user.groups.add(Group.objects.get(name=group_name))
            continue
        user.groups.add(Group.objects.get(name=group_name))
        stdout.write(f"Demo login ({group_name}): {username} / {passwords[username]}")
    if passwords != stored:
        write_passwords(path, passwords)
