"""The demo users, one per newsroom role, with passwords that survive a new database."""

import json
import stat
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User

from demo.users import create_demo_users
from newsroom.roles import TRANSLATORS

pytestmark = pytest.mark.django_db


def test_demo_users_keep_their_passwords(tmp_path, db):
    path = tmp_path / "demo-users.json"
    out = StringIO()
    create_demo_users(out, path=path)
    passwords = json.loads(path.read_text())
    assert set(passwords) == {"editor", "chief", "translator", "partners"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert f"chief / {passwords['chief']}" in out.getvalue()
    assert authenticate(username="translator", password=passwords["translator"])
    assert User.objects.get(username="translator").groups.get().name == TRANSLATORS

    again = StringIO()
    create_demo_users(again, path=path)  # a re-run prints the same logins
    assert f"editor / {passwords['editor']}" in again.getvalue()
    User.objects.filter(username="editor").delete()  # a new database: same password
    create_demo_users(StringIO(), path=path)
    assert authenticate(username="editor", password=passwords["editor"])

    partners = User.objects.get(username="partners")
    partners.set_password("changed in the admin")
    partners.save()
    changed = StringIO()
    create_demo_users(changed, path=path)
    assert "not kept" in changed.getvalue() and passwords["partners"] not in changed.getvalue()
