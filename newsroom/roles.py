"""The newsroom's roles: who writes, who approves and publishes, who translates, who
looks after partners (docs/editors.md).

Groups and their model permissions come from a data migration, so every
database has them. Page permissions and the review workflow hang off pages
that only exist once the locale trees are built, so `grant_page_permissions`
adds them; `load_demo`, every `migrate` (post_migrate) and `manage.py
setup_roles` run it again. Outside the migration everything here only adds
what is missing: what an administrator grants in the admin is left alone.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps

EDITORS = "Editors"
CHIEF_EDITORS = "Chief editors"
TRANSLATORS = "Translators"
PARTNER_MANAGERS = "Partner managers"

ACCESS_ADMIN = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
# Permissions that hang off a content type named differently from their codename.
PERMISSION_MODELS = {"access_admin": "admin", "submit_translation": "translation"}

HOMES = "homes"  # the home page of every locale tree: the whole tree
SECTIONS = "sections"  # the news, programmes and projects index pages of every tree


def model_permissions(model_label, *actions):
    app_label, model = model_label.split(".")
    return tuple(f"{app_label}.{action}_{model}" for action in actions)


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple = ()  # "app_label.codename"
    page_permissions: tuple = ()  # wagtailcore codenames ("add_page"), granted on `pages`
    pages: str = ""
    collection_permissions: tuple = ()  # "app_label.codename" on the root collection


WRITE_MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)

ROLES = (
    Role(
        EDITORS,
        permissions=(ACCESS_ADMIN,),
        page_permissions=("add_page", "change_page"),
        pages=SECTIONS,
        collection_permissions=WRITE_MEDIA,
    ),
    Role(
        CHIEF_EDITORS,
        permissions=(
            ACCESS_ADMIN,
            SUBMIT_TRANSLATION,
            # Snippets have no drafts: saving a translation publishes it, so
            # chief editors (not translators) translate categories, countries, partners.
            *model_permissions("news.newscategory", "add", "change", "delete", "view"),
            *model_permissions("home.country", "add", "change", "delete", "view"),
            *model_permissions("partners.partner", "change", "view"),
            # How names are written in the Latin-script version (languages.LatinSpelling).
            *model_permissions("languages.latinspelling", "add", "change", "delete", "view"),
        ),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        pages=HOMES,
        collection_permissions=(*WRITE_MEDIA, "wagtailimages.change_image"),
    ),
    Role(
        TRANSLATORS,
        permissions=(ACCESS_ADMIN, SUBMIT_TRANSLATION),
        # No add: translations are created by wagtail-localize, never new source
        # pages; no publish: a translation goes to a chief editor (newsroom.guards).
        page_permissions=("change_page",),
        pages=HOMES,
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    ),
    Role(
        PARTNER_MANAGERS,
        permissions=(
            ACCESS_ADMIN,
            *model_permissions("partners.partner", "add", "change", "delete", "view"),
            *model_permissions("syndication.syndicationclient", "add", "change", "delete", "view"),
            *model_permissions("syndication.apikey", "add", "change", "delete", "view"),
            *model_permissions("syndication.webhookdelivery", "change", "view"),
        ),
        collection_permissions=("wagtailimages.add_image", "wagtailimages.choose_image"),
    ),
)


def get_permission(label, apps=global_apps):
    """The Permission for "app_label.codename", created if its app has not made it yet
    (a fresh database runs every migration before any app creates its permissions)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = label.split(".")
    model = PERMISSION_MODELS.get(codename) or codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": _permission_name(apps, app_label, model, codename)},
    )
    return permission


def _permission_name(apps, app_label, model, codename):
    """Django's name for a model permission ("Can add API key"), when the model exists.

    As Django's own, from the untranslated verbose name: a name stored in the database
    must not be in the language that happened to be active (commands run in kk).
    """
    try:
        verbose_name = apps.get_model(app_label, model)._meta.verbose_name_raw
    except LookupError:
        return f"Can {codename.replace('_', ' ')}"
    return f"Can {codename.split('_', 1)[0]} {verbose_name}"


def ensure_groups(apps=global_apps, exact=False):
    """Create the groups with their model and collection permissions.

    With `exact` (the data migration only), a group's model permissions become
    exactly the declared ones: Wagtail's own "Editors" group starts with more.
    """
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        permissions = [get_permission(label, apps) for label in role.permissions]
        if exact:
            group.permissions.set(permissions)
        else:
            group.permissions.add(*permissions)
        for label in role.collection_permissions if root_collection else ():
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=get_permission(label, apps)
            )
        groups[role.name] = group
    return groups


def role_pages(scope):
    """The pages a role's page permissions are granted on, in every locale tree."""
    from wagtail.models import Page

    from newsroom.workflow import section_pages

    if scope == HOMES:
        return list(Page.objects.filter(depth=2))
    if scope == SECTIONS:
        return section_pages()
    return []


def grant_page_permissions():
    """Grant each role its page permissions on every tree, and assign the review
    workflow; safe to run again. Returns the number of permissions added."""
    from wagtail.models import GroupPagePermission

    from newsroom.workflow import ensure_review_workflow

    groups = ensure_groups()
    added = 0
    for role in ROLES:
        pages = role_pages(role.pages)
        for codename in role.page_permissions:
            permission = get_permission(f"wagtailcore.{codename}")
            for page in pages:
                _, created = GroupPagePermission.objects.get_or_create(
                    group=groups[role.name], page=page, permission=permission
                )
                added += created
    ensure_review_workflow(groups[CHIEF_EDITORS])
    return added
