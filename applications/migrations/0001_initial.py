"""Applications move from the jobs app to their own. Their tables keep their names
(jobs_application, jobs_applicationevent) and their rows: only Django's record of which app
owns the models changes (SeparateDatabaseAndState), and the content types follow, so
permissions and admin history stay attached. jobs/0008 removes the models from the jobs app's
state after this."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import applications.models

STATUSES = [
    ("received", "Received"),
    ("in_review", "In review"),
    ("interview", "Interview"),
    ("offered", "Offered"),
    ("hired", "Hired"),
    ("rejected", "Not chosen"),
    ("withdrawn", "Withdrawn"),
]
MOVED = ["application", "applicationevent"]


def move_content_types(apps, schema_editor, old="jobs", new="applications"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="applications", new="jobs")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("jobs", "0007_job_language"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Application",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("cover_letter", models.TextField(verbose_name="cover letter")),
                        (
                            "cv",
                            models.FileField(
                                blank=True,
                                storage=applications.models.private_storage,
                                upload_to=applications.models.cv_path,
                                verbose_name="CV",
                            ),
                        ),
                        ("cv_name", models.CharField(blank=True, max_length=120, verbose_name="CV file name")),
                        ("phone", models.CharField(max_length=40, verbose_name="phone")),
                        (
                            "availability",
                            models.CharField(
                                blank=True,
                                help_text="When you could start and for how long, e.g. “from 1 June, all summer”.",
                                max_length=300,
                                verbose_name="availability",
                            ),
                        ),
                        ("consent_at", models.DateTimeField(verbose_name="consented to the privacy notice")),
                        (
                            "status",
                            models.CharField(
                                choices=STATUSES,
                                db_index=True,
                                default="received",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "notes",
                            models.TextField(
                                blank=True,
                                help_text="Only the employer's members see these.",
                                verbose_name="private notes",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="sent")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "applicant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="applications",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="applicant",
                            ),
                        ),
                        (
                            "job",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="applications",
                                to="jobs.job",
                                verbose_name="job",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "application",
                        "verbose_name_plural": "applications",
                        "db_table": "jobs_application",
                        "ordering": ["-created_at"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("job", "applicant"), name="one_application_per_job"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ApplicationEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("status", models.CharField(choices=STATUSES, max_length=20, verbose_name="status")),
                        (
                            "created_at",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="time"),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="events",
                                to="applications.application",
                                verbose_name="application",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "application event",
                        "verbose_name_plural": "application events",
                        "db_table": "jobs_applicationevent",
                        "ordering": ["created_at", "pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back, elidable=False),
    ]
