"""The trainings' pages are valid HTML (the Nu Html Checker), in Finnish, Swedish and English."""

import pytest

from tests.test_html_valid import VNU, validate
from trainings.factories import make_enrolment

pytestmark = pytest.mark.skipif(not VNU.exists(), reason="the Nu Html Checker is not installed")

LANGUAGES = ("fi", "sv", "en")


def test_trainings_pages_are_valid_html(client, tmp_path, training, student, school, school_owner):
    make_enrolment(training, student)
    public = [
        "trainings/",
        "trainings/?q=hoitaja&free=on&month=3&sector=1&municipality=online",
        training.get_absolute_url()[4:],
        "",
    ]
    pages = [client.get(f"/{lang}/{path}").content for lang in LANGUAGES for path in public]
    client.force_login(student)
    for lang in LANGUAGES:
        pages += [
            client.get(f"/{lang}/trainings/{training.pk}/enrol/", follow=True).content,
            client.get(f"/{lang}/dashboard/").content,
            client.get(f"/{lang}/trainings/wishes/").content,
            client.post(f"/{lang}/trainings/wishes/", {"what": "", "people": "0"}).content,
        ]
    client.post("/fi/trainings/calendar/renew/")
    pages.append(client.get("/fi/dashboard/").content)
    client.force_login(school_owner)
    for lang in LANGUAGES:
        pages += [
            client.get(f"/{lang}/trainings/{training.pk}/enrol/").content,
            client.get(f"/{lang}/trainings/for/{school.slug}/").content,
            client.get(f"/{lang}/trainings/for/{school.slug}/new/").content,
            client.post(f"/{lang}/trainings/for/{school.slug}/new/", {"title": ""}).content,
            client.get(f"/{lang}/trainings/{training.pk}/manage/").content,
            client.get(f"/{lang}/trainings/{training.pk}/edit/").content,
            client.get(f"/{lang}/trainings/{training.pk}/enrolees/").content,
        ]
    from nelinvoimaa.models import Sector
    from tests.conftest import make_user
    from trainings.models import Demand

    Demand.objects.create(user=student, sector=Sector.objects.first(), what="Hygieniapassi")
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    pages += [client.get(f"/{lang}/trainings/wishes/summary/").content for lang in LANGUAGES]
    assert validate(pages, tmp_path) == []
