from django.db import migrations

# Statistics Finland municipality codes.
MUNICIPALITIES = [
    ("081", "hartola", "Hartola", "Gustav Adolfs", "paijat-hame"),
    ("172", "joutsa", "Joutsa", "Joutsa", "keski-suomi"),
    ("588", "pertunmaa", "Pertunmaa", "Pertunmaa", "etela-savo"),
    ("781", "sysma", "Sysmä", "Sysmä", "paijat-hame"),
]

SECTORS = [
    ("care", "Hoiva ja terveys", "Vård och omsorg", "Care and health"),
    ("tourism", "Matkailu ja ravitsemus", "Turism och restaurang", "Tourism and hospitality"),
    ("agriculture", "Maatalous ja puutarha", "Jordbruk och trädgård", "Agriculture and horticulture"),
    ("forestry", "Metsäala", "Skogsbruk", "Forestry"),
    ("construction", "Rakentaminen", "Byggande", "Construction"),
    ("trade", "Kauppa", "Handel", "Trade"),
    ("cleaning", "Siivous ja kiinteistöpalvelut", "Städning och fastighetsservice",
     "Cleaning and property services"),
    ("transport", "Kuljetus ja logistiikka", "Transport och logistik", "Transport and logistics"),
    ("industry", "Teollisuus", "Industri", "Industry"),
    ("education", "Kasvatus ja opetus", "Fostran och undervisning", "Education"),
    ("other", "Muut alat", "Övriga branscher", "Other sectors"),
]


def seed(apps, schema_editor):
    Municipality = apps.get_model("nelinvoimaa", "Municipality")
    Sector = apps.get_model("nelinvoimaa", "Sector")
    for code, slug, name_fi, name_sv, region in MUNICIPALITIES:
        Municipality.objects.update_or_create(
            code=code, defaults={"slug": slug, "name_fi": name_fi, "name_sv": name_sv,
                                 "region": region})
    for position, (slug, name_fi, name_sv, name_en) in enumerate(SECTORS):
        Sector.objects.get_or_create(
            slug=slug, defaults={"name_fi": name_fi, "name_sv": name_sv, "name_en": name_en,
                                 "position": position * 10})


def unseed(apps, schema_editor):
    apps.get_model("nelinvoimaa", "Municipality").objects.filter(
        code__in=[m[0] for m in MUNICIPALITIES]).delete()
    apps.get_model("nelinvoimaa", "Sector").objects.filter(
        slug__in=[s[0] for s in SECTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("nelinvoimaa", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
