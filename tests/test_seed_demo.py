import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.test import override_settings

from nelinvoimaa.models import User


def test_seed_demo_creates_a_user_for_each_role_and_prints_credentials(db, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "demo-jobseeker-2026" in out and "admin@example.com" in out
    assert User.objects.filter(is_superuser=True).count() == 1
    sysma = User.objects.get(email="tarkastaja.sysma@example.com")
    assert sysma.is_staff and not sysma.is_superuser
    assert list(sysma.municipalities.values_list("name_fi", flat=True)) == ["Sysmä"]
    assert sysma.groups.filter(name="Municipal staff").exists()
    assert sysma.check_password("demo-sysma-2026")
    assert not EmailAddress.objects.filter(verified=False).exists()


def test_seed_demo_twice_keeps_the_data(db):
    call_command("seed_demo")
    jobseeker = User.objects.get(email="tyonhakija@example.com")
    jobseeker.full_name = "Changed By Hand"
    jobseeker.save()
    call_command("seed_demo")
    assert User.objects.count() == 7
    assert User.objects.get(email="tyonhakija@example.com").full_name == "Changed By Hand"


@override_settings(PRODUCTION=True)
def test_seed_demo_refuses_to_run_in_production(db):
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not User.objects.exists()
