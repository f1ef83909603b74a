from django.db import DatabaseError, migrations, transaction

# The search index gets a second column: each job's bucket of ids (4096 of them, as
# jobs/lexemes.py ID_BUCKET), so that a search fetching its matches through the index can
# fetch only those among the newest jobs (jobs/lexemes.py says when). The column needs the
# btree_gin extension (in PostgreSQL's standard contrib modules, trusted: a database owner may
# create it); without it the index stays as it was, and such searches are only slower.
# The vector's statistics keep ten times PostgreSQL's default number of lexemes, so that the
# shares jobs/lexemes.py reads cover the words that one job in a few hundred has.

NEW_INDEX = (
    "CREATE INDEX IF NOT EXISTS job_search_vectors_newest_gin ON jobs_jobsearchvector "
    "USING gin (vector, ((job_id / 4096)::integer))"
)
OLD_INDEX = (
    "CREATE INDEX IF NOT EXISTS job_search_vectors_gin ON jobs_jobsearchvector USING gin (vector)"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
            available = True
    except DatabaseError:  # not installed on the server, or not ours to create
        available = False
    if available:
        schema_editor.execute(NEW_INDEX)
        schema_editor.execute("DROP INDEX IF EXISTS job_search_vectors_gin")
    schema_editor.execute(
        "ALTER TABLE jobs_jobsearchvector ALTER COLUMN vector SET STATISTICS 1000"
    )
    schema_editor.execute("ANALYZE jobs_jobsearchvector")  # seconds at 500,000 jobs


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(OLD_INDEX)
    schema_editor.execute("DROP INDEX IF EXISTS job_search_vectors_newest_gin")
    # The extension stays: other indexes may use it, and it changes nothing by itself.
    schema_editor.execute(
        "ALTER TABLE jobs_jobsearchvector ALTER COLUMN vector SET STATISTICS -1"
    )


class Migration(migrations.Migration):
    dependencies = [("jobs", "0012_search_vector_listing")]

    operations = [migrations.RunPython(forwards, backwards)]
