"""The trainings' demo data (seed_demo): what the region's schools, municipalities and
employers offer, some of it full with a waitlist, and what people have asked for."""

from datetime import timedelta

from django.utils import timezone

from employers.factories import add_member
from employers.models import Employer, Membership
from nelinvoimaa.factories import make_user
from nelinvoimaa.models import Municipality, Sector, User

from .factories import at, make_enrolment, make_training
from .models import Demand, Training

DEMO_JOBSEEKER = "tyonhakija@example.com"
DEMO_SECOND_HOME = "monipaikkainen@example.com"
DEMO_EMPLOYER = "tyonantaja@example.com"
STUDENTS = 14

NURSE_PATH = """Lähellä lähihoitajaksi on oppisopimuspolku, jolla suoritat lähihoitajan \
tutkinnon omassa kotikunnassasi. Teoriaopetus on etänä ja lähiopetuspäivinä Joutsassa; \
työssäoppiminen tehdään alueen hoivakodeissa ja kotihoidossa.

Pilotissa opimme kaksi asiaa: kulkeminen ratkaisee, ja opiskelijat haluavat käydä \
tutustumassa työpaikkoihin ennen kuin valitsevat oman. Siksi voit ilmoittautuessasi \
toivoa työpaikkaa ja tutustumiskäyntiä."""

TRANSPORT = """Sysmästä ja Hartolasta kimppakyyti lähtee kuntien torilta klo 8.15; \
Pertunmaalta Mäntyharjun bussilla. Ilmoita kyytitarpeesi ilmoittautumisen yhteydessä."""


def _trainings(today):
    def day(n):
        return today + timedelta(days=n)

    return [
        {
            "provider": "Gradia",
            "title": "Lähellä lähihoitajaksi – oppisopimuspolku",
            "description": NURSE_PATH,
            "kind": "apprenticeship",
            "format": "on_the_job",
            "sectors": ["care"],
            "municipality": "172",
            "capacity": 3,
            "questions": "Mikä sinua kiinnostaa hoitotyössä?\nTarvitsetko kyydin?",
            "prerequisites": "Peruskoulu. Soveltuvuus hoitoalalle selvitetään haastattelussa.",
            "transport_note": TRANSPORT,
            "placements": ["Hoivakoti Kotirinne", "Kotipalvelu Hartola"],
            "sessions": [
                (at(day(30), 9), at(day(30), 15), "Joutsan lukio, Jousitie 8"),
                (at(day(37), 9), at(day(37), 15), "Joutsan lukio, Jousitie 8"),
            ],
            "enrolled": 5,  # full, two on the waitlist
        },
        {
            "provider": "Koulutuskeskus Salpaus",
            "title": "Lähihoitajan tutkinnon osat: ikääntyvien hoito",
            "description": "Ikääntyvien hoidon tutkinnon osa Hartolassa. Sopii alan "
            "sijaisena jo toimiville.",
            "kind": "degree",
            "format": "hybrid",
            "sectors": ["care"],
            "municipality": "081",
            "capacity": 12,
            "placements": ["Hoivakoti Kotirinne"],
            "sessions": [(at(day(45), 9), at(day(45), 15), "Hartolan kunnantalo")],
            "enrolled": 2,
        },
        {
            "provider": "Koulutuskeskus Salpaus",
            "title": "Hygieniapassikoulutus ja -testi",
            "description": "Elintarvikehygienian perusteet ja Ruokaviraston hygieniapassitesti "
            "samana iltana. Tarvitaan ravintola- ja kahvilatyössä.",
            "kind": "short_course",
            "format": "on_site",
            "sectors": ["tourism"],
            "municipality": "781",
            "capacity": 2,
            "price": 25,
            "sessions": [(at(day(12), 16), at(day(12), 20), "Sysmän kirjasto")],
            "enrolled": 3,  # full, one on the waitlist
        },
        {
            "provider": "Esedu – Etelä-Savon ammattiopisto",
            "title": "Metsäkoneenkuljettajan kurssi",
            "description": "Harvesterin ja kuormatraktorin käytön perusteet simulaattorilla "
            "ja metsässä. Metsäalan yritykset etsivät kuljettajia.",
            "kind": "short_course",
            "format": "on_site",
            "sectors": ["forestry"],
            "municipality": "588",
            "capacity": 8,
            "placements": ["Metsäpalvelu Kuusela Oy", "Joutsan Saha Oy"],
            "sessions": [
                (at(day(20), 8), at(day(20), 16), "Pertunmaan metsäpiha"),
                (at(day(21), 8), at(day(21), 16), "Pertunmaan metsäpiha"),
            ],
            "enrolled": 1,
        },
        {
            "provider": "Sysmän kunta",
            "title": "Yrittäjyyden perusteet",
            "description": "Liiketoimintasuunnitelma, hinnoittelu ja talous. Neljä iltaa, "
            "yrittäjäneuvojan kanssa.",
            "kind": "entrepreneurship",
            "format": "hybrid",
            "sectors": ["other"],
            "municipality": "781",
            "capacity": 15,
            "for_entrepreneurs": True,
            "sessions": [
                (at(day(14 + 7 * n), 17), at(day(14 + 7 * n), 20), "Sysmän kunnantalo")
                for n in range(4)
            ],
            "enrolled": 0,
        },
        {
            "provider": "Hartolan kunta",
            "title": "Kevytyrittäjyys – infoilta",
            "description": "Mitä kevytyrittäjyys on, miten laskutuspalvelu toimii ja miten "
            "se sopii kausitöiden rinnalle.",
            "kind": "info_session",
            "format": "online",
            "sectors": ["other"],
            "municipality": None,
            "capacity": 100,
            "for_second_home": True,
            "sessions": [(at(day(9), 18), at(day(9), 19, 30), "Teams")],
            "enrolled": 1,
        },
        {
            "provider": "Joutsan kunta",
            "title": "Omistajanvaihdos – infoilta jatkajaa etsiville ja etsijöille",
            "description": "Yrityksen ostaminen tai myyminen: arvonmääritys, rahoitus ja "
            "aikataulu. Mukana paikallisia jatkajia.",
            "kind": "info_session",
            "format": "on_site",
            "sectors": ["other", "trade"],
            "municipality": "172",
            "capacity": 40,
            "for_entrepreneurs": True,
            "sessions": [(at(day(25), 18), at(day(25), 20), "Joutsan kunnantalo")],
            "enrolled": 0,
        },
        {
            "provider": "Pertunmaan kunta",
            "title": "Mentorointiohjelma aloittaville yrittäjille",
            "description": "Puoli vuotta kokeneen yrittäjän mentorina, tapaamiset kerran kuussa.",
            "kind": "mentoring",
            "format": "hybrid",
            "sectors": ["other"],
            "municipality": "588",
            "capacity": 6,
            "for_entrepreneurs": True,
            "sessions": [(at(day(35), 17), at(day(35), 19), "Pertunmaan kunnantalo")],
            "enrolled": 0,
        },
    ]


def seed(options):
    today = timezone.localdate()
    employers = {e.name: e for e in Employer.objects.all()}
    students = [
        User.objects.filter(email=f"opiskelija{n}@example.com").first()
        or make_user(f"opiskelija{n}@example.com", None, full_name=f"Opiskelija {n + 1}")
        for n in range(STUDENTS)
    ]
    created = 0
    for data in _trainings(today):
        provider = employers.get(data.pop("provider"))
        if provider is None or Training.objects.filter(title=data["title"]).exists():
            continue
        enrolled = data.pop("enrolled")
        placements = [employers[name] for name in data.pop("placements", []) if name in employers]
        code = data.pop("municipality")
        training = make_training(
            provider,
            "published",
            municipality=Municipality.objects.get(code=code) if code else None,
            placements=placements,
            enrolment_closes=today + timedelta(days=8),
            contact_email=f"koulutus@{provider.slug[:20]}.example.com",
            **data,
        )
        for student in students[:enrolled]:
            answers = [(question, "Kiinnostaa kovasti.") for question in training.question_list]
            make_enrolment(training, student, answers=answers[:1])
        created += 1
    _seed_people(today, employers)
    return [f"{created} new trainings."]


def _seed_people(today, employers):
    """The demo jobseeker is enrolled, the second-home resident has asked for a training, and
    the demo employer is a member of Gradia, to try the organiser's pages."""
    jobseeker = User.objects.filter(email=DEMO_JOBSEEKER).first()
    nurse = Training.objects.filter(title__startswith="Lähellä lähihoitajaksi").first()
    if jobseeker and nurse and not jobseeker.enrolments.exists():
        forest = Training.objects.filter(title="Metsäkoneenkuljettajan kurssi").first()
        if forest:
            make_enrolment(forest, jobseeker)
    second_home = User.objects.filter(email=DEMO_SECOND_HOME).first()
    if second_home and not second_home.training_demands.exists():
        Demand.objects.create(
            user=second_home,
            sector=Sector.objects.get(slug="tourism"),
            what="Anniskelupassi",
            needed_by=today + timedelta(days=120),
        )
    owner = User.objects.filter(email=DEMO_EMPLOYER).first()
    gradia = employers.get("Gradia")
    if owner and gradia and not Membership.objects.filter(employer=gradia, user=owner).exists():
        add_member(gradia, owner)
