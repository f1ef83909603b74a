from django.db import migrations


def create(apps, schema_editor):
    # Finds words inside Finnish compounds ("hoitaja" in "Lähihoitaja"), which the stemmer
    # cannot; the index serves Django's icontains (UPPER(title) LIKE ...) on PostgreSQL.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS job_title_upper_trgm ON jobs_job "
            "USING gin (UPPER(title) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS job_title_upper_trgm")


class Migration(migrations.Migration):
    dependencies = [("jobs", "0002_search_and_work_months")]
    operations = [migrations.RunPython(create, drop)]
