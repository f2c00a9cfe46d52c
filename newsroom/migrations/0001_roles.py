"""Create the newsroom's groups with their model and collection permissions.

Wagtail's own "Editors" group is reused: it loses the page permissions on the
root (all trees) and the extra model permissions Wagtail gave it, so that
editors write in the sections only (newsroom.roles).
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from newsroom.roles import EDITORS, ensure_groups

    groups = ensure_groups(apps, exact=True)
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group=groups[EDITORS], page__depth=1).delete()


def remove_roles(apps, schema_editor):
    from newsroom.roles import EDITORS, ROLES

    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[role.name for role in ROLES if role.name != EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Their migrations create the permissions used here (access_admin,
        # submit_translation, image and document permissions) by name.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        # The models whose permissions the roles hold.
        ("home", "0002_translatable_featured_articles"),
        ("news", "0002_translatable_article_categories"),
        ("partners", "0004_translatable_project_partners"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
