"""The roles: groups from the migration, page permissions and workflow on every tree."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from newsroom.roles import (
    CHIEF_EDITORS,
    EDITORS,
    PARTNER_MANAGERS,
    TRANSLATORS,
    grant_page_permissions,
)

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_the_migration_creates_the_groups():
    assert codenames(EDITORS) == {"access_admin"}
    assert {"access_admin", "submit_translation", "change_newscategory"} <= codenames(CHIEF_EDITORS)
    assert codenames(TRANSLATORS) == {"access_admin", "submit_translation"}
    assert {"add_syndicationclient", "change_apikey", "change_partner"} <= codenames(
        PARTNER_MANAGERS
    )
    # Wagtail's "Editors" no longer hold page permissions on the root (every tree).
    assert not GroupPagePermission.objects.filter(group__name=EDITORS, page__depth=1).exists()


def test_page_permissions_per_role(site, editor, chief, translator, partner_manager):
    for code in ("kk", "ru", "en"):
        for section in (site.news, site.programmes, site.projects):
            perms = section[code].permissions_for_user(editor)
            assert perms.can_add_subpage() and not perms.can_publish()
        assert not site.homes[code].permissions_for_user(editor).can_add_subpage()
        home = site.homes[code].permissions_for_user(chief)
        assert home.can_add_subpage() and home.can_publish() and home.can_lock()
        news = site.news[code].permissions_for_user(translator)
        assert news.can_edit() and not news.can_add_subpage() and not news.can_publish()
        assert not site.news[code].permissions_for_user(partner_manager).can_edit()


def test_granting_again_adds_nothing_and_keeps_an_administrators_workflow(site):
    other = Workflow.objects.create(name="Legal review")
    WorkflowPage.objects.filter(page=site.news["en"]).update(workflow=other)
    assert grant_page_permissions() == 0
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert "0 page permission(s) added" in out.getvalue()
    assert site.news["en"].get_workflow() == other
    assert site.news["kk"].get_workflow().name == "Newsroom review"
    assert site.homes["ru"].get_workflow().name == "Newsroom review"
