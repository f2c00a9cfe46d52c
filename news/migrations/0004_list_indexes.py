"""An index that serves every list of the API: a locale's live pages, newest first.

The lists filter on `locale_id` and `live` and sort on `(first_published_at, id)`
descending (`cms.api.visibility.LIST_ORDER`); with this index a page, a cursor
page or a date-ordered search reads only the rows it shows (plus those the
other filters skip), on PostgreSQL and SQLite alike. The columns live on
Wagtail's own table, hence SQL. See docs/list-performance.md for the plans.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS otandas_page_list_order ON wagtailcore_page "
    "(locale_id, first_published_at DESC, id DESC) WHERE live"
)
DROP = "DROP INDEX IF EXISTS otandas_page_list_order"


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_news_year_folders"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
