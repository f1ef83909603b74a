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
    call_command("migrate", "nelinvoimaa", verbosity=0)
    assert Municipality.objects.count() == 4 and Page.objects.count() == 4


def test_no_model_change_lacks_a_migration(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
