import pytest
from django.core.management import call_command

from nelinvoimaa.models import Municipality, Page, Sector
from tests.conftest import PDF


def test_the_four_municipalities_are_seeded_with_statistics_finland_codes(db):
    assert dict(Municipality.objects.values_list("code", "name_fi")) == {
        "081": "Hartola",
        "172": "Joutsa",
        "588": "Pertunmaa",
        "781": "Sysmä",
    }
    assert Municipality.objects.get(code="081").name_sv == "Gustav Adolfs"


def test_sectors_are_seeded_in_three_languages(db):
    assert Sector.objects.count() == 11
    care = Sector.objects.get(slug="care")
    assert (care.name_fi, care.name_sv, care.name_en) == (
        "Hoiva ja terveys",
        "Vård och omsorg",
        "Care and health",
    )


@pytest.mark.django_db(transaction=True)
def test_data_migrations_are_reversible():
    call_command("migrate", "nelinvoimaa", "0001", verbosity=0)
    assert not Municipality.objects.exists() and not Page.objects.exists()
    call_command("migrate", verbosity=0)  # every app: going back unapplied their dependants
    assert Municipality.objects.count() == 4 and Page.objects.count() == 4


def test_no_model_change_lacks_a_migration(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_search_index_gets_the_buckets_of_job_ids_and_gives_them_back():
    from django.db import connection

    def search_index():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE tablename = 'jobs_jobsearchvector' AND indexdef LIKE '%USING gin%'"
            )
            indexes = cursor.fetchall()
            cursor.execute(
                "SELECT attstattarget FROM pg_attribute WHERE attname = 'vector' "
                "AND attrelid = 'jobs_jobsearchvector'::regclass"
            )
            return indexes, cursor.fetchone()[0]

    ((name, definition),) = search_index()[0]
    assert name == "job_search_vectors_newest_gin" and "(job_id / 4096)" in definition
    assert search_index()[1] == 1000
    call_command("migrate", "jobs", "0012", verbosity=0)
    assert [name for name, _ in search_index()[0]] == ["job_search_vectors_gin"]
    assert search_index()[1] in (-1, None)  # PostgreSQL's default (None from version 17)
    call_command("migrate", "jobs", verbosity=0)
    assert [name for name, _ in search_index()[0]] == ["job_search_vectors_newest_gin"]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_search_indexes_migrate_both_ways():
    from django.db import connection

    def indexes():
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'jobs_job'")
            return {row[0] for row in cursor.fetchall()}

    new = {"job_published_search_gin", "job_published_counts"}
    old = {"job_search_vector_gin", "job_title_upper_trgm"}
    # The vectors have a table of their own (0011), and the search index went with them.
    moved = {"job_published_search_gin"}
    assert {"job_published_counts"} <= indexes() and not (old | moved) & indexes()
    call_command("migrate", "jobs", "0010", verbosity=0)
    assert new <= indexes() and not old & indexes()
    assert "job_published_title_trgm" not in indexes()  # Voikko's compound parts replaced it
    call_command("migrate", "jobs", "0008", verbosity=0)
    assert "job_published_title_trgm" in indexes()
    call_command("migrate", "jobs", "0004", verbosity=0)
    assert old <= indexes() and not new & indexes()
    call_command("migrate", "jobs", verbosity=0)
    assert {"job_published_counts"} <= indexes() and not (old | moved) & indexes()


@pytest.mark.postgresql
def test_the_search_vectors_keep_every_job_findable_migrated_back_and_forth(
    seeded_transactional_db,
):
    """0011 moves the vectors from jobs_job to their own table, and back when unapplied: no
    job loses its vector, and a search finds the same jobs before and after."""
    from django.db import connection

    from jobs.models import Job
    from jobs.search import search
    from tests.conftest import make_employer, make_job, make_user

    employer = make_employer("Päijänteen Rantalomat Oy", make_user("o@example.com"), "781")

    cook = make_job(employer, status="published", title="Kokki kesäksi")
    make_job(employer, status="published", title="Siivooja")
    assert list(search(Job.objects.all(), "kokit").values_list("pk", flat=True)) == [cook.pk]
    call_command("migrate", "jobs", "0010", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM jobs_job WHERE search_vector @@ %s::tsquery ORDER BY id",
            ["'kokki':*"],
        )
        assert [row[0] for row in cursor.fetchall()] == [cook.pk]
    call_command("migrate", "jobs", verbosity=0)
    assert list(search(Job.objects.all(), "kokit").values_list("pk", flat=True)) == [cook.pk]
    assert Job.objects.filter(search_vector__isnull=False).count() == 2


@pytest.mark.postgresql
def test_the_vectors_copies_of_the_listing_columns_migrate_both_ways(seeded_transactional_db):
    """0012 copies the columns a search filters and orders by into the vectors' table, and
    a trigger keeps them; unapplied, the copies and the trigger go."""
    from django.db import connection

    from jobs.models import Job, JobSearchVector
    from tests.conftest import make_employer, make_job, make_user

    def triggers():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'jobs_job'::regclass "
                "AND NOT tgisinternal"
            )
            return {row[0] for row in cursor.fetchall()}

    employer = make_employer("Päijänteen Rantalomat Oy", make_user("o@example.com"), "781")
    cook = make_job(employer, status="published", title="Kokki kesäksi")
    draft = make_job(employer, status="draft", title="Siivooja")
    cleaner = make_job(employer, status="draft", title="Siivooja kesäksi")
    call_command("migrate", "jobs", "0011", verbosity=0)
    assert not triggers()
    Job.objects.filter(pk=cleaner.pk).update(status="published")  # nothing copies it now
    call_command("migrate", "jobs", verbosity=0)
    assert triggers() == {"jobs_job_copy_to_search_vector"}
    copies = {
        row.job_id: (row.open_until, row.published_at, row.municipality_id, row.sector_id)
        for row in JobSearchVector.objects.all()
    }
    jobs = {
        job.pk: (
            job.deadline if job.status == "published" else None,
            job.published_at,
            job.municipality_id,
            job.sector_id,
        )
        for job in Job.objects.all()
    }
    assert copies == jobs and set(copies) == {cook.pk, draft.pk, cleaner.pk}
    assert copies[draft.pk][0] is None and copies[cleaner.pk][0] == cleaner.deadline
    Job.objects.filter(pk=cook.pk).update(status="closed")
    assert JobSearchVector.objects.get(job=cook).open_until is None


@pytest.mark.postgresql
def test_applications_moved_out_of_the_jobs_app_keep_every_row_and_file(
    seeded_transactional_db, settings, tmp_path
):
    """Data written when applications lived in the jobs app (jobs/0007) is all there after
    migrating: rows, their ids, CV files, audit entries, and the content type that the
    admin history and permissions point at."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    executor = MigrationExecutor(connection)
    old_targets = [("jobs", "0007_job_language"), ("applications", None)]
    executor.migrate(old_targets)
    graph = executor.loader.graph
    before_the_move = [("jobs", "0007_job_language")] + [
        node for node in graph.leaf_nodes() if node[0] not in {"jobs", "applications"}
    ]
    old = executor.loader.project_state(before_the_move).apps
    # What the old code's post_migrate had made: content types of the jobs app (going back
    # moved them there).
    assert not ContentType.objects.filter(app_label="applications").exists()
    content_type = ContentType.objects.get(app_label="jobs", model="application")
    permission = Permission.objects.get(content_type=content_type, codename="view_application")

    user = old.get_model("nelinvoimaa", "User").objects.create(email="hakija@example.com")
    owner = old.get_model("nelinvoimaa", "User").objects.create(email="omistaja@example.com")
    employer = old.get_model("employers", "Employer").objects.create(
        name="Rantalomat",
        slug="rantalomat",
        municipality=old.get_model("nelinvoimaa", "Municipality").objects.get(code="781"),
    )
    job = old.get_model("jobs", "Job").objects.create(
        employer=employer,
        title="Kokki",
        description="Keittiö",
        sector=old.get_model("nelinvoimaa", "Sector").objects.get(slug="tourism"),
        employment_type="permanent",
        deadline="2030-01-31",
        status="published",
    )
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "abc.pdf").write_bytes(PDF)
    application = old.get_model("jobs", "Application").objects.create(
        job=job,
        applicant=user,
        cover_letter="Hei!",
        phone="040",
        consent_at="2026-11-01T12:00:00Z",
        cv="cvs/abc.pdf",
        cv_name="CV.pdf",
        status="interview",
        notes="Hyvä",
    )
    old.get_model("jobs", "ApplicationEvent").objects.create(
        application=application, status="received", actor=user
    )
    old.get_model("jobs", "ApplicationEvent").objects.create(
        application=application, status="interview", actor=owner
    )
    audit = old.get_model("nelinvoimaa", "AuditEntry").objects.create(
        actor_id=owner.pk, action="cv_viewed", target=f"application {application.pk}"
    )
    LogEntry.objects.create(
        user_id=owner.pk,
        content_type=content_type,
        object_id=str(application.pk),
        object_repr="application",
        action_flag=2,
    )

    call_command("migrate", verbosity=0)

    from applications.models import Application
    from nelinvoimaa.models import AuditEntry

    moved = Application.objects.get(pk=application.pk)
    assert (moved.job_id, moved.applicant_id, moved.status, moved.notes) == (
        job.pk,
        user.pk,
        "interview",
        "Hyvä",
    )
    assert [(e.status, e.actor_id) for e in moved.events.all()] == [
        ("received", user.pk),
        ("interview", owner.pk),
    ]
    with moved.cv.open("rb") as cv:
        assert cv.read() == PDF
    assert AuditEntry.objects.get(pk=audit.pk).target == f"application {application.pk}"
    content_type.refresh_from_db()
    assert (content_type.app_label, content_type.model_class()) == ("applications", Application)
    assert Permission.objects.get(pk=permission.pk).content_type == content_type
    assert LogEntry.objects.get().get_edited_object() == moved
