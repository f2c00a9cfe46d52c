"""Values computed once per request and shared by every resolver."""


def request_cache(info, key, factory):
    """Return `factory()` computed once per GraphQL request."""
    store = info.context.__dict__.setdefault("_otandas_api_cache", {})
    if key not in store:
        store[key] = factory()
    return store[key]


def language_code(info, locale_id):
    from .locales import locale_codes_by_id

    return request_cache(info, "locale_codes", locale_codes_by_id)[locale_id]
