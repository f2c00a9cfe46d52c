"""PostgreSQL: an index on the expression Wagtail's search backend matches against.

Wagtail's PostgreSQL backend searches `title || body` of its index entries, an
expression none of its own GIN indexes (on each column alone) serves: a rare
word was a scan of every entry. This index serves it, and its statistics let
the planner tell a common word (walk the list by date, stop after the page)
from a rare one (fetch its few matches). Nothing on other databases.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS otandas_search_vector "
    "ON wagtailsearch_indexentry USING gin ((title || body))"
)
DROP = "DROP INDEX IF EXISTS otandas_search_vector"


def run(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("languages", "0003_latin_spelling"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
