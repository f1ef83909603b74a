"""The applications moved to the applications app (see applications/0001): the jobs app
forgets the models; their tables and rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0007_job_language"),
        ("applications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="application", name="one_application_per_job"
                ),
                migrations.DeleteModel(name="ApplicationEvent"),
                migrations.DeleteModel(name="Application"),
            ],
            database_operations=[],
        ),
    ]
