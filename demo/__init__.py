"""Demo content for Otandas: `manage.py load_demo` builds it from this package.

`content/` holds the texts in kk, ru and en; `images` draws the pictures;
`translate` makes wagtail-localize translations; `snippets`, `pages` and
`header` load each kind of object; `builder` puts them together.
"""
