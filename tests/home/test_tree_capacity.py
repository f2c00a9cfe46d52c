"""The tree's room for children: the arithmetic, and the guard, without a million pages."""

import pytest
from django.contrib.auth.models import Permission
from django.core import checks
from django.urls import reverse
from treebeard.exceptions import PathOverflow
from wagtail.models import Page

from home.tree_capacity import (
    CHILD_POSITIONS,
    child_space,
    crowded_parents,
    positions_used,
    share_used,
)
from news import archive
from news.models import NewsArticlePage
from tests.factories import make_article


def test_the_arithmetic_of_child_positions():
    assert CHILD_POSITIONS == 36**4 - 1 == 1_679_615
    assert positions_used(None) == 0
    assert positions_used("000100010001") == 1
    assert positions_used("00010001000Z") == 35
    assert positions_used("000100010010") == 36
    assert positions_used("00010001ZZZZ") == CHILD_POSITIONS
    assert share_used("00010001ZZZZ") == 1.0
    # 80 %: the default warning line.
    assert share_used("00010001S000") < 0.8 < share_used("00010001T000")


def crowd(parent, key):
    """Give `parent`'s last child the path ending in `key`, as if that many children had
    been created there."""
    child = parent.get_children().order_by("-path").first()
    Page.objects.filter(pk=child.pk).update(path=parent.path + key)


@pytest.mark.django_db
def test_the_guard_reads_the_last_childs_path_not_the_number_of_children(trees, settings):
    settings.TREE_CAPACITY_WARNING = 0.8
    _, news = trees
    folder = archive.year_folder(news["en"], 2026)
    make_article(folder, "Tokyo")
    assert child_space(folder).used == 1 and crowded_parents() == []

    crowd(folder, "Y000")  # one child, at position 34 × 36³: 94 % used
    space = child_space(folder)
    assert space.used == 1_586_304 and space.left == 93_311
    assert [s.page_id for s in crowded_parents()] == [folder.pk]
    assert crowded_parents(threshold=0.99) == []

    warnings = checks.run_checks(tags=[checks.Tags.database], databases=["default"])
    ours = [w for w in warnings if w.id == "home.W001"]
    assert len(ours) == 1 and f"Page {folder.pk}" in ours[0].msg and "94%" in ours[0].msg


@pytest.mark.django_db
def test_a_full_parent_refuses_children_and_a_superuser_is_warned(trees, client, django_user_model):
    _, news = trees
    folder = archive.year_folder(news["en"], 2026)
    make_article(folder, "Tokyo")
    crowd(folder, "ZZZZ")
    with pytest.raises(PathOverflow):
        folder.add_child(instance=NewsArticlePage(title="One more", slug="one-more", lead="x"))

    root = django_user_model.objects.create_superuser("root", "root@e.test", "x")
    client.force_login(root)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tree limits" in dashboard
    assert f'data-page="{folder.pk}"' in dashboard

    editor = django_user_model.objects.create_user("ed", "ed@e.test", "x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "Tree limits" not in client.get(reverse("wagtailadmin_home")).content.decode()
