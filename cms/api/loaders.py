"""Request-scoped batch loaders: a relation is loaded once for every object a request shows.

As saleor's dataloaders: one loader per relation, keyed by id, created per request
(in the request scope, `cms.api.context`, which the GraphQL context's request
opens) and called by the types' resolvers, grapple's own fields included.

A loader asked for one object loads the relation for every object of the request
that may need it: the objects shown so far (`show()`: the guards call it with the
result of every field that returns model instances; feeds and ninjs with the
articles they list) that it has not loaded yet. GraphQL resolves a list's items
after the list itself, so the first item's `load` loads it for the whole list, and
a list of thirty costs what a list of three does.

Outside a request (the worker, management commands) nothing is shared: each call
loads for its own object. A preview (a draft built from a revision, not a row)
reads its own relations, which live in memory.
"""

from django.db import models
from wagtail.models import TranslatableMixin

from .context import request_cache, scope_store
from .visibility import is_preview

SHOWN_KEY = "loaders:shown"


def show(objects):
    """Note that the request shows these objects (model instances; anything else is ignored)."""
    store = scope_store()
    if store is None:
        return
    shown = store.setdefault(SHOWN_KEY, {})
    for obj in objects:
        if isinstance(obj, models.Model) and obj.pk is not None:
            shown.setdefault((type(obj), obj.pk), obj)


def shown(model):
    """The objects of `model` the request has shown so far."""
    store = scope_store()
    objects = store.get(SHOWN_KEY, {}).values() if store is not None else ()
    return [obj for obj in objects if isinstance(obj, model) and not is_preview(obj)]


class Loader:
    """Loads one relation for many objects of `model` at once; subclasses `batch_load`."""

    model = models.Model

    @classmethod
    def of(cls, *args):
        """The request's loader of this class for these arguments (hashable)."""
        return request_cache(("loader", cls, args), lambda: cls(*args))

    def __init__(self):
        self.values = {}

    def key(self, obj):
        return obj.pk

    def empty(self):
        return None

    def load(self, obj):
        if is_preview(obj):
            return self.for_preview(obj)
        key = self.key(obj)
        if key not in self.values:
            todo = {key: obj}
            for other in shown(self.model):
                other_key = self.key(other)
                if other_key not in self.values:
                    todo.setdefault(other_key, other)
            found = self.batch_load(list(todo.values()))
            for todo_key in todo:
                self.values[todo_key] = found.get(todo_key, self.empty())
            # What it loaded is about to be shown: its own relations load in one go too.
            show(_instances(found.values()))
        return self.values[key]

    def batch_load(self, objects):
        """{key: value} for `objects`."""
        raise NotImplementedError

    def for_preview(self, obj):
        return self.batch_load([obj]).get(self.key(obj), self.empty())


def _instances(values):
    for value in values:
        if isinstance(value, list):
            yield from value
        elif value is not None:
            yield value


def related_instances(queryset, owner, relation, model):
    """(owner id, related instance) for each row of `queryset`, the related object read
    through `relation` in the same query, one instance per distinct object however many
    rows share it (cheaper than `select_related`, which makes two instances per row)."""
    names = [field.attname for field in model._meta.concrete_fields]
    pk = names.index(model._meta.pk.attname)
    rows = queryset.values_list(owner, *(f"{relation}__{name}" for name in names))
    shared, pairs = {}, []
    for owner_id, *values in rows:
        if values[pk] is None:
            continue
        if values[pk] not in shared:
            shared[values[pk]] = model.from_db(queryset.db, names, values)
        pairs.append((owner_id, shared[values[pk]]))
    return pairs


def in_locales(wanted):
    """{(snippet pk, locale id): the snippet in that locale} for `wanted` [(snippet, locale
    id)]: its translation when it has one, else itself. One query per model, for those not
    already in the locale.

    wagtail-localize points a translated page's links at the target locale's snippets,
    but a page copied some other way (or translated before the snippet was) still
    points at the source locale's: readers get the snippet in the page's locale.
    """
    result, todo = {}, {}
    for snippet, locale_id in wanted:
        result[(snippet.pk, locale_id)] = snippet
        if isinstance(snippet, TranslatableMixin) and snippet.locale_id != locale_id:
            todo.setdefault(type(snippet), []).append((snippet, locale_id))
    for model, entries in todo.items():
        found = {
            (s.translation_key, s.locale_id): s
            for s in model._default_manager.filter(
                translation_key__in={snippet.translation_key for snippet, _ in entries},
                locale_id__in={locale_id for _, locale_id in entries},
            )
        }
        for snippet, locale_id in entries:
            translation = found.get((snippet.translation_key, locale_id))
            if translation is not None:
                result[(snippet.pk, locale_id)] = translation
    return result


def _holder_locale(obj):
    return getattr(obj, "locale_id", None)


def _localized(holders_and_values):
    """[(holder, snippet or None)] with each snippet in its holder's locale."""
    wanted = [
        (value, _holder_locale(holder))
        for holder, value in holders_and_values
        if value is not None and _holder_locale(holder) is not None
    ]
    found = in_locales(wanted)
    return [
        (holder, found.get((value.pk, _holder_locale(holder)), value) if value else None)
        for holder, value in holders_and_values
    ]


class ForeignKeyLoader(Loader):
    """`obj.<field>` of the objects of `model` (a snippet: in the object's locale).

    None when the object was loaded with it (`select_related`); else one query for
    every object shown, and one more for snippets not yet in their holder's locale.
    """

    def __init__(self, model, field):
        super().__init__()
        self.model = model
        self.field = model._meta.get_field(field)

    def batch_load(self, objects):
        pairs, missing = [], {}
        for obj in objects:
            if self.field.is_cached(obj):
                pairs.append((obj, getattr(obj, self.field.name)))
            elif (related_id := getattr(obj, self.field.attname)) is not None:
                missing.setdefault(related_id, []).append(obj)
        if missing:
            related = self.field.related_model._default_manager.in_bulk(list(missing))
            pairs += [(obj, related.get(pk)) for pk, objs in missing.items() for obj in objs]
        return {holder.pk: value for holder, value in _localized(pairs)}

    def for_preview(self, obj):
        return _localized([(obj, getattr(obj, self.field.name))])[0][1]


class ChildRelationLoader(Loader):
    """The `target` of each row of an inline relation (`ParentalKey` + a foreign key),
    e.g. an article's categories or tags, in the relation's order: one query, plus one for
    snippets not yet in the page's locale."""

    def __init__(self, model, relation, target):
        super().__init__()
        self.model = model
        self.relation = relation
        self.target = target
        rel = model._meta.get_field(relation)
        self.through = rel.related_model
        self.owner = rel.field.attname
        self.target_model = self.through._meta.get_field(target).related_model

    def empty(self):
        return []

    def batch_load(self, objects):
        by_pk = {obj.pk: obj for obj in objects}
        rows = self.through._default_manager.filter(**{f"{self.owner}__in": list(by_pk)})
        rows = rows.order_by(*(self.through._meta.ordering or ()), "pk")
        pairs = related_instances(rows, self.owner, self.target, self.target_model)
        values = {}
        for holder, value in _localized([(by_pk[owner], value) for owner, value in pairs]):
            values.setdefault(holder.pk, []).append(value)
        return values

    def for_preview(self, obj):
        rows = getattr(obj, self.relation).all()
        return [
            value for _, value in _localized([(obj, getattr(row, self.target)) for row in rows])
        ]
