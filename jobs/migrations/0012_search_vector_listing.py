from django.db import migrations, models

# A job's search vector row gets copies of the columns that decide whether and where the job
# is listed (jobs/models.py JobSearchVector says why). On PostgreSQL they are filled from
# jobs_job, and a trigger on jobs_job copies them again whenever they change there, by any
# path: save(), update(), the admin or the daily closing. SQLite has no vectors.

COPIED = "status, deadline, published_at, municipality_id, sector_id"

CREATE_TRIGGER = f"""
CREATE OR REPLACE FUNCTION jobs_job_copy_to_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE jobs_jobsearchvector SET
        open_until = CASE WHEN NEW.status = 'published' THEN NEW.deadline END,
        published_at = NEW.published_at,
        municipality_id = NEW.municipality_id,
        sector_id = NEW.sector_id
    WHERE job_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER jobs_job_copy_to_search_vector
AFTER UPDATE OF {COPIED} ON jobs_job
FOR EACH ROW
WHEN (({", ".join(f"OLD.{c}" for c in COPIED.split(", "))})
      IS DISTINCT FROM ({", ".join(f"NEW.{c}" for c in COPIED.split(", "))}))
EXECUTE FUNCTION jobs_job_copy_to_search_vector();
"""

DROP_TRIGGER = """
DROP TRIGGER IF EXISTS jobs_job_copy_to_search_vector ON jobs_job;
DROP FUNCTION IF EXISTS jobs_job_copy_to_search_vector();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "UPDATE jobs_jobsearchvector AS v SET "
        "open_until = CASE WHEN j.status = 'published' THEN j.deadline END, "
        "published_at = j.published_at, municipality_id = j.municipality_id, "
        "sector_id = j.sector_id FROM jobs_job AS j WHERE j.id = v.job_id"
    )
    schema_editor.execute(CREATE_TRIGGER)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0011_job_search_vector")]

    operations = [
        migrations.AddField(
            model_name="jobsearchvector",
            name="municipality_id",
            field=models.BigIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="jobsearchvector",
            name="open_until",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="jobsearchvector",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="jobsearchvector",
            name="sector_id",
            field=models.BigIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
