from django.db import migrations

REASONS = [
    (
        "Puutteellinen kuvaus",
        "Ilmoituksesta puuttuu kuvaus työtehtävistä. Kerro, mitä työ sisältää, missä ja milloin "
        "sitä tehdään, niin hakijat tietävät, mihin he hakevat.",
    ),
    (
        "Palkka tai työehdot puuttuvat",
        "Kerro ilmoituksessa palkka tai sen peruste (esim. työehtosopimuksen mukaan) ja "
        "työsuhteen kesto.",
    ),
    (
        "Ei työpaikkailmoitus",
        "Ilmoitus ei ole työpaikkailmoitus (esim. mainos tai myynti-ilmoitus), eikä sitä voi "
        "julkaista Nelinvoimaassa.",
    ),
    (
        "Syrjivä ilmaus",
        "Ilmoituksessa on ilmaus, joka asettaa hakijoita eriarvoiseen asemaan (esim. ikä tai "
        "sukupuoli). Muokkaa se pois, niin ilmoitus voidaan julkaista.",
    ),
]


def seed(apps, schema_editor):
    ReasonTemplate = apps.get_model("reports", "ReasonTemplate")
    for position, (title, text) in enumerate(REASONS):
        ReasonTemplate.objects.get_or_create(
            title=title, defaults={"text": text, "position": position}
        )


def unseed(apps, schema_editor):
    ReasonTemplate = apps.get_model("reports", "ReasonTemplate")
    ReasonTemplate.objects.filter(title__in=[title for title, _text in REASONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
