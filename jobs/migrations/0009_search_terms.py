"""The terms a job is found by, stored for both databases (jobs/search.py); the jobs app
computes them for existing jobs after migrating (post_migrate: fill_missing_search_terms).
The title's trigram index served a substring match that Voikko's compound parts replace."""

from django.db import migrations, models

TRIGRAM = (
    "CREATE INDEX IF NOT EXISTS job_published_title_trgm ON jobs_job "
    "USING gin (UPPER(title) gin_trgm_ops) WHERE status = 'published'"
)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS job_published_title_trgm")


def restore_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGRAM)


class Migration(migrations.Migration):

    dependencies = [
        ('jobs', '0008_applications_moved'),
    ]

    operations = [
        migrations.AddField(
            model_name='job',
            name='search_head',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='job',
            name='search_title',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='job',
            name='search_words',
            field=models.TextField(default='', editable=False),
        ),
        migrations.RunPython(drop_trigram_index, restore_trigram_index),
    ]
