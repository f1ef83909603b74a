"""The stories' demo data: a few published stories and news of the region, one of them a demo
employer's; added once (seed_demo runs any number of times)."""

from datetime import timedelta

from django.utils import timezone

from employers.models import Employer
from nelinvoimaa.models import Municipality

from .models import Story

STORIES = [
    (
        "story",
        "Kesä, joka jäi Sysmään",
        "kesa-joka-jai-sysmaan",
        "fi",
        "781",
        "Kolme kesätyöntekijää kertoo, miksi he palasivat mökkirannoille töihin.",
        "## Töitä ja järvimaisemaa\n\nMökkien vaihtosiivous, kahvilan tiski ja venevuokraamo "
        "työllistivät kesällä kymmeniä nuoria.\n\n- Työpäivät alkoivat aikaisin\n- Illat "
        "olivat omia\n\nLue lisää [Nelinvoimaan työpaikoista](/fi/jobs/).",
        "kesätyö, matkailu",
    ),
    (
        "news",
        "Hartolan markkinat hakevat myyjiä",
        "hartolan-markkinat-hakevat-myyjia",
        "fi",
        "081",
        "Markkinoille mahtuu vielä paikallisia yrittäjiä ja yhdistyksiä.",
        "Ilmoittautuminen on auki elokuun loppuun. Paikat jaetaan ilmoittautumisjärjestyksessä.",
        "yrittäjyys, tapahtumat",
    ),
    (
        "story",
        "Från sommarstuga till distansjobb i Joutsa",
        "fran-sommarstuga-till-distansjobb-i-joutsa",
        "sv",
        "172",
        "En familj som bor på två orter berättar hur vardagen fungerar.",
        "Bredbandet kom till byn och med det möjligheten att arbeta på distans året runt.",
        "distansarbete, flerortsboende",
    ),
]


def seed(options):
    if Story.objects.exists():
        return []
    municipalities = {m.code: m for m in Municipality.objects.all()}
    employer = Employer.objects.order_by("pk").first()
    now = timezone.now()
    for n, (kind, title, slug, language, code, lead, body, tags) in enumerate(STORIES):
        Story.objects.create(
            kind=kind,
            title=title,
            slug=slug,
            language=language,
            municipality=municipalities.get(code),
            lead=lead,
            body=body,
            tags=tags,
            employer=employer if n == 0 else None,
            is_published=True,
            published_at=now - timedelta(days=3 * n + 1),
        )
    return [f"{len(STORIES)} demo stories."]
