import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# PostgreSQL's tsvectors of the jobs move from a column of jobs_job to a table of their own
# (jobs/search.py says why). The rows are copied both ways, and each way gets its index.


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "INSERT INTO jobs_jobsearchvector (job_id, vector) "
        "SELECT id, search_vector FROM jobs_job WHERE search_vector IS NOT NULL"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS job_search_vectors_gin ON jobs_jobsearchvector USING gin (vector)"
    )
    schema_editor.execute("DROP INDEX IF EXISTS job_published_search_gin")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "UPDATE jobs_job AS j SET search_vector = s.vector "
        "FROM jobs_jobsearchvector AS s WHERE s.job_id = j.id"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS job_published_search_gin ON jobs_job "
        "USING gin (search_vector) WHERE status = 'published'"
    )


class Migration(migrations.Migration):
    dependencies = [("jobs", "0010_job_tell_applicants_when_closed")]

    operations = [
        migrations.CreateModel(
            name="JobSearchVector",
            fields=[
                (
                    "job",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_vector",
                        serialize=False,
                        to="jobs.job",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "search terms of a job",
                "verbose_name_plural": "search terms of jobs",
            },
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="job", name="search_vector"),
    ]
