"""The privacy notice says that an employer's notes on an application are the applicant's data
too: the applicant gets them with their own data (the right of access, GDPR article 15; the
EU Court's Nowak judgment, C-434/16, found an examiner's comments to be personal data of the
examined). Added after the "who sees your data" paragraph, or at the end of a page staff have
rewritten; going back removes exactly what was added."""

from django.db import migrations

ADDED = {
    "fi": (
        "<p>Työnantajan edustajat voivat kirjata hakemukseesi omia muistiinpanojaan. Et näe "
        "niitä palvelussa, mutta ne ovat sinua koskevia tietoja: saat ne, kun lataat tietosi "
        "omalta sivultasi (Omat tietoni).</p>"
    ),
    "sv": (
        "<p>Arbetsgivarens representanter kan skriva egna anteckningar om din ansökan. Du ser "
        "dem inte i tjänsten, men de är uppgifter om dig: du får dem när du laddar ner dina "
        "uppgifter på din sida (Mina uppgifter).</p>"
    ),
    "en": (
        "<p>The employer's representatives may keep their own notes on your application. You "
        "do not see them on the site, but they are data about you: you get them when you "
        "download your data from your page (My data).</p>"
    ),
}
AFTER = {
    "fi": "eivät hakijoita.</p>",
    "sv": "inte de sökande.</p>",
    "en": "not applicants.</p>",
}


def add(apps, schema_editor):
    Page = apps.get_model("nelinvoimaa", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is None:
        return
    for language, paragraph in ADDED.items():
        body = getattr(page, f"body_{language}")
        if paragraph in body:
            continue
        marker = AFTER[language]
        if marker in body:
            body = body.replace(marker, f"{marker}\n{paragraph}", 1)
        else:
            body = f"{body.rstrip()}\n{paragraph}\n"
        setattr(page, f"body_{language}", body)
    page.save()


def remove(apps, schema_editor):
    Page = apps.get_model("nelinvoimaa", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is None:
        return
    for language, paragraph in ADDED.items():
        body = getattr(page, f"body_{language}")
        setattr(page, f"body_{language}", body.replace(f"\n{paragraph}", "").replace(paragraph, ""))
    page.save()


class Migration(migrations.Migration):
    dependencies = [("nelinvoimaa", "0004_audit_log")]

    operations = [migrations.RunPython(add, remove)]
