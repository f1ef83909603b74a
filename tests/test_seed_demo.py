import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.test import override_settings

from employers.business_id import validate_business_id
from employers.models import Employer
from jobs.models import Job
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


def test_seed_demo_adds_employers_and_jobs_in_every_state(db):
    call_command("seed_demo")
    assert Employer.objects.count() == 30
    assert Employer.objects.filter(kind="household").exists()
    assert Employer.objects.filter(kind="school").count() == 3
    assert set(Job.objects.values_list("status", flat=True)) == set(Job.Status.values)
    assert Job.objects.open().count() > 50
    assert Job.objects.filter(employment_type="seasonal").exists()
    owner = User.objects.get(email="tyonantaja@example.com")
    assert owner.memberships.filter(role="owner").count() == 2
    for employer in Employer.objects.all():
        assert employer.memberships.filter(role="owner").exists()
        if employer.business_id:
            validate_business_id(employer.business_id)


def test_seed_demo_twice_keeps_the_data(db):
    call_command("seed_demo")
    jobseeker = User.objects.get(email="tyonhakija@example.com")
    jobseeker.full_name = "Changed By Hand"
    jobseeker.save()
    counts = (User.objects.count(), Employer.objects.count(), Job.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Employer.objects.count(), Job.objects.count()) == counts
    assert User.objects.get(email="tyonhakija@example.com").full_name == "Changed By Hand"


@override_settings(PRODUCTION=True)
def test_seed_demo_refuses_to_run_in_production(db):
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_seed_demo_grows_to_a_benchmarks_size_in_bulk(db):
    call_command("seed_demo", jobs=300, employers=40)
    assert Job.objects.count() == 300 and Employer.objects.count() == 40
    bulk = Job.objects.order_by("-pk")[:10]
    assert all(job.is_open and job.events.filter(action="published").exists() for job in bulk)
    call_command("seed_demo", jobs=300, employers=40)
    assert Job.objects.count() == 300


def test_the_demo_jobs_are_their_employers_own_and_have_real_trails(db):
    call_command("seed_demo")
    for job in Job.objects.select_related("employer").prefetch_related("employer__sectors"):
        assert job.sector in job.employer.sectors.all(), (job.title, job.employer.name)
        actions = [event.action for event in job.events.order_by("created_at", "pk")]
        assert actions[0] == "created"
        if job.status != "draft":
            assert job.submitted_at and len(actions) > 1
        if job.start_date:
            assert job.deadline < job.start_date
