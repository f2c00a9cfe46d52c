"""System checks of the content (`manage.py check --database default`, and `migrate`)."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from home.tree_capacity import CHILD_POSITIONS, crowded_parents


@register(Tags.database)
def check_tree_capacity(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        crowded = crowded_parents()
    except DatabaseError:
        return []  # not migrated yet: nothing to check
    return [
        Warning(
            f"Page {space.page_id} ({space.url_path}) has used {space.share:.0%} of the "
            f"tree's {CHILD_POSITIONS:,} positions for its children ({space.left:,} left).",
            hint="New children must go into sub-folders (as news articles go into year "
            "folders); once the positions run out, adding a child fails.",
            id="home.W001",
        )
        for space in crowded
    ]
