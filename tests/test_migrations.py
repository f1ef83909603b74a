import pytest
from django.core.management import call_command

from nelinvoimaa.models import Municipality, Page, Sector


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
def test_the_search_indexes_migrate_both_ways():
    from django.db import connection

    def indexes():
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'jobs_job'")
            return {row[0] for row in cursor.fetchall()}

    new = {"job_published_search_gin", "job_published_title_trgm", "job_published_counts"}
    old = {"job_search_vector_gin", "job_title_upper_trgm"}
    assert new <= indexes() and not old & indexes()
    call_command("migrate", "jobs", "0004", verbosity=0)
    assert old <= indexes() and not new & indexes()
    call_command("migrate", "jobs", verbosity=0)
    assert new <= indexes() and not old & indexes()
