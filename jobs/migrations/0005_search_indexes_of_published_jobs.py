from django.db import migrations

# Searches look only at published jobs. Indexes of those alone are smaller, and PostgreSQL no
# longer has to intersect each search with the status index, a cost that grew with the number
# of open jobs (EXPLAIN in bench/README.md).
NEW = [
    "CREATE INDEX IF NOT EXISTS job_published_search_gin ON jobs_job "
    "USING gin (search_vector) WHERE status = 'published'",
    "CREATE INDEX IF NOT EXISTS job_published_title_trgm ON jobs_job "
    "USING gin (UPPER(title) gin_trgm_ops) WHERE status = 'published'",
]
OLD = [
    "CREATE INDEX IF NOT EXISTS job_search_vector_gin ON jobs_job USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS job_title_upper_trgm ON jobs_job "
    "USING gin (UPPER(title) gin_trgm_ops)",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in NEW:
            schema_editor.execute(sql)
        schema_editor.execute("DROP INDEX IF EXISTS job_search_vector_gin")
        schema_editor.execute("DROP INDEX IF EXISTS job_title_upper_trgm")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in OLD:
            schema_editor.execute(sql)
        schema_editor.execute("DROP INDEX IF EXISTS job_published_search_gin")
        schema_editor.execute("DROP INDEX IF EXISTS job_published_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("jobs", "0004_applications")]
    operations = [migrations.RunPython(forwards, backwards)]
