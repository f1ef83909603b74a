"""The jobs each demo employer posts (employers/demo_content.py), and the dates a demo job
runs (seed_demo).

Every job belongs to the employer that posts it and is of that employer's own trade: a bakery
bakes, a sawmill saws, a household has small gigs, and only desk work (bookings, invoicing,
marketing) is remote. Pure data and pure functions on the standard library and the employers'
demo data, so the seeder and the tests share them without a database; the choice lists repeat
jobs.models and tests/test_demo_content.py checks them against the models.

Each job's keys are Job field names (title, description, language, sector, employment_type,
working_time, housing_offered, housing_details, pay_min, pay_max, pay_unit, pay_description,
positions, languages, driving_licence, hygiene_passport, first_aid_card, safety_card,
other_requirements), plus `remote` (Job.is_remote) and `season`: None for ongoing work, else
(start month, end month), wrapping the year when the end month is before the start month.
The dates come from job_dates() on the day the demo is seeded.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal

from employers.demo_content import (  # noqa: F401 - the tests read them here too
    EMPLOYER_KINDS,
    LANGUAGES,
    MUNICIPALITIES,
    SECTORS,
)
from employers.demo_content import EMPLOYERS as ORGANISATIONS

EMPLOYMENT_TYPES = (
    "permanent",
    "fixed_term",
    "seasonal",
    "summer",
    "part_time",
    "gig",
    "apprenticeship",
    "internship",
)
# A job of these types runs for a known period (Job.clean requires both dates).
DATED_TYPES = ("fixed_term", "seasonal", "summer")
WORKING_TIMES = ("full_time", "part_time", "shift")
PAY_UNITS = ("hour", "month")

# Seasons used below, named for reading.
SUMMER = (6, 8)
SCHOOL_YEAR = (8, 5)
CHRISTMAS = (11, 12)
CHRISTMAS_TO_JANUARY = (11, 1)
WINTER = (12, 3)


def _job(
    title,
    sector,
    employment_type,
    season,
    description,
    *,
    working_time="full_time",
    pay=None,
    pay_description="",
    positions=1,
    languages="suomi",
    housing_details="",
    remote=False,
    driving_licence=False,
    hygiene_passport=False,
    first_aid_card=False,
    safety_card=False,
    other_requirements="",
    language=None,
):
    """One job; `pay` is (from, up to, unit) with up to None for a single figure. A job
    offers housing exactly when it says what the housing is."""
    pay_min, pay_max, pay_unit = pay or (None, None, "")
    return {
        "title": title,
        "description": description,
        "language": language,  # None: the employer's language (filled in by _employer)
        "sector": sector,
        "employment_type": employment_type,
        "working_time": working_time,
        "season": season,
        "housing_offered": bool(housing_details),
        "housing_details": housing_details,
        "remote": remote,
        "driving_licence": driving_licence,
        "hygiene_passport": hygiene_passport,
        "first_aid_card": first_aid_card,
        "safety_card": safety_card,
        "other_requirements": other_requirements,
        "pay_min": None if pay_min is None else Decimal(str(pay_min)),
        "pay_max": None if pay_max is None else Decimal(str(pay_max)),
        "pay_unit": pay_unit,
        "pay_description": pay_description,
        "positions": positions,
        "languages": languages,
    }


# The jobs of each employer, by its name.
JOBS = {
    "Päijänteen Rantalomat Oy": [
        _job(
            "Kesätyöntekijä lomakylään",
            "tourism",
            "summer",
            SUMMER,
            "Työhösi kuuluu vastaanotto, rantasaunan lämmitys ja venevuokraamon "
            "asiakaspalvelu. Viikonloppuisin töitä on vuorolistan mukaan. Sopii hyvin "
            "opiskelijalle, ja perehdytys tehdään ennen kesän ensimmäisiä vieraita.",
            pay=(12.5, 13.5, "hour"),
            positions=4,
            languages="suomi, englanti",
            housing_details="Kalustettu huone henkilökunnan mökissä, vuokra 150 €/kk.",
        ),
        _job(
            "Kokki kesäsesongiksi",
            "tourism",
            "seasonal",
            (5, 9),
            "Rantaravintolassamme on 80 asiakaspaikkaa, ja tarjoamme lounasta ja "
            "illallista. Raaka-aineet tulevat pääosin lähitiloilta ja Päijänteestä. "
            "Odotamme kokin tutkintoa tai vastaavaa kokemusta.",
            pay=(2500, 2800, "month"),
            hygiene_passport=True,
            housing_details="Oma huone henkilökunnan mökissä.",
        ),
        _job(
            "Mökkihuoltaja",
            "cleaning",
            "seasonal",
            (5, 9),
            "Siivoat ja tarkistat mökit vaihtopäivinä, tavallisesti perjantaisin ja "
            "sunnuntaisin, ja vaihdat liinavaatteet. Lisäksi teet pihatöitä ja pidät "
            "rantasaunan siistinä. Työvuorot ovat 4–8 tunnin mittaisia.",
            working_time="part_time",
            pay=(13, 14, "hour"),
            positions=2,
        ),
        _job(
            "Tarjoilija joulusesonkiin",
            "tourism",
            "seasonal",
            CHRISTMAS_TO_JANUARY,
            "Pikkujoulut ja joulunpyhät täyttävät ravintolan ja mökit. Tarjoilet "
            "joulupöydän äärellä, kattaat juhlatilat ja autat keittiössä kiireisinä iltoina. "
            "Aiempi tarjoilukokemus on eduksi.",
            working_time="part_time",
            pay=(12.8, 13.8, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Bokningsassistent med svenska (distans)",
            "tourism",
            "part_time",
            None,
            "Du svarar på frågor och bokningar från våra svenskspråkiga gäster per telefon "
            "och e-post. Arbetet görs på distans, cirka 20 timmar i veckan på vardagar. Vi "
            "lär dig vårt bokningssystem.",
            language="sv",
            working_time="part_time",
            pay=(13, 14.5, "hour"),
            languages="svenska, finska",
            remote=True,
        ),
    ],
    "Hoivakoti Kotirinne": [
        _job(
            "Lähihoitaja, vakituinen",
            "care",
            "permanent",
            None,
            "Haemme vakituista lähihoitajaa kolmivuorotyöhön. Työ on asukkaiden arjen "
            "tukemista, lääkehoitoa ja yhteistyötä omaisten kanssa. Edellytämme "
            "lähihoitajan tutkintoa ja voimassa olevia lääkelupia.",
            working_time="shift",
            pay=(2550, 2900, "month"),
            pay_description="Työehtosopimuksen mukaan, lisäksi vuorolisät",
            first_aid_card=True,
        ),
        _job(
            "Sairaanhoitaja, sijaisuus",
            "care",
            "fixed_term",
            (1, 6),
            "Vastaavan sairaanhoitajan sijaisuus päivätyönä. Vastaat asukkaiden lääkehoidon "
            "kokonaisuudesta, teet yhteistyötä lääkärin kanssa ja ohjaat hoitajia. "
            "Edellytämme Valviran laillistusta sairaanhoitajana.",
            pay=(3000, 3400, "month"),
        ),
        _job(
            "Hoiva-avustaja kesäksi",
            "care",
            "summer",
            SUMMER,
            "Kesätyötä alan opiskelijalle tai hoiva-avustajan koulutuksen käyneelle. "
            "Avustat asukkaita päivittäisissä toimissa, ruokailussa ja ulkoilussa. Vuorot "
            "ovat aamuisin ja iltaisin, myös viikonloppuisin.",
            working_time="shift",
            pay=(12.5, 13.5, "hour"),
            positions=2,
            first_aid_card=True,
        ),
        _job(
            "Yöhoitaja, osa-aikainen",
            "care",
            "part_time",
            None,
            "Kaksi tai kolme yövuoroa viikossa kello 21–7. Yössä on kaksi hoitajaa, ja "
            "käytössä on hoitajakutsujärjestelmä. Sopii myös eläkkeellä olevalle "
            "lähihoitajalle.",
            working_time="shift",
            pay=(15, 17, "hour"),
            pay_description="Tuntipalkka ja yötyölisä työehtosopimuksen mukaan",
            first_aid_card=True,
        ),
        _job(
            "Lähihoitajaksi oppisopimuksella",
            "care",
            "apprenticeship",
            None,
            "Suoritat sosiaali- ja terveysalan perustutkinnon työn ohessa hoivakodissamme. "
            "Teoriaopinnot järjestää Koulutuskeskus Salpaus, ja sinulla on oma "
            "työpaikkaohjaaja. Sopii alanvaihtajalle, jolla on jo kokemusta hoivatyöstä.",
            working_time="shift",
            pay_description="Oppisopimuspalkka alan työehtosopimuksen mukaan",
        ),
    ],
    "Marjatila Mustikkamäki": [
        _job(
            "Mansikanpoimija",
            "agriculture",
            "seasonal",
            SUMMER,
            "Poimit mansikkaa pelloillamme koko satokauden ajan, sään mukaan kuutena "
            "päivänä viikossa. Palkka maksetaan poimitun määrän mukaan, ja ahkera poimija "
            "ansaitsee hyvin. Kyyti kauppaan järjestetään kerran viikossa.",
            pay_description="Urakkapalkka kiloilta, vähintään työehtosopimuksen mukainen",
            positions=15,
            housing_details="Asuntola tilalla, kahden hengen huoneet, 5 €/vrk.",
        ),
        _job(
            "Berry pickers for the harvest season",
            "agriculture",
            "seasonal",
            (6, 9),
            "Pick strawberries, raspberries and blueberries on our farm in Pertunmaa "
            "through the harvest. The work is outdoors six days a week, depending on the "
            "weather. You stay in the farm's dormitory and get a weekly ride to the shop.",
            language="en",
            pay_description="Piece rate by the kilogram, at least the collective agreement",
            positions=10,
            languages="English or Finnish",
            housing_details="Shared rooms in the farm's dormitory, 5 € a night.",
        ),
        _job(
            "Vadelmatunneleiden työntekijä",
            "agriculture",
            "seasonal",
            (5, 9),
            "Hoidat vadelmia muovitunneleissa: sidot versoja, tarkkailet kastelua ja poimit "
            "satoa. Työ alkaa keväällä taimien hoidolla ja jatkuu syyskuulle. Traktorin "
            "ajokokemus on eduksi.",
            pay=(12, 13, "hour"),
            positions=3,
            housing_details="Huone tilan asuntolassa.",
        ),
        _job(
            "Sadonkorjuun työnjohtaja",
            "agriculture",
            "fixed_term",
            (4, 10),
            "Johdat poimijaryhmiä, suunnittelet päivän poiminnat ja vastaat laadusta. "
            "Kirjaat poimintamäärät ja perehdytät uudet työntekijät. Edellytämme kokemusta "
            "marja- tai puutarhatiloilta ja hyvää englannin taitoa.",
            pay=(2600, 3000, "month"),
            languages="suomi, englanti",
            driving_licence=True,
        ),
        _job(
            "Marjapensaiden leikkaaja keväälle",
            "agriculture",
            "seasonal",
            (3, 4),
            "Leikkaat pensasmustikoita ja vadelmia ennen kasvukauden alkua. Opetamme "
            "leikkaustekniikan, mutta kokemus hedelmä- tai marjapensaista on eduksi. Työ on "
            "ulkotyötä, joten varaudu kevään säihin.",
            pay=(12.5, 13.5, "hour"),
            positions=2,
        ),
    ],
    "Joutsan Saha Oy": [
        _job(
            "Sahan tuotantotyöntekijä",
            "industry",
            "permanent",
            None,
            "Työskentelet sahalinjalla ja jälkikäsittelyssä kaksivuorotyössä. Ajat koneita, "
            "tarkkailet laatua ja lajittelet sahatavaraa. Koulutamme työhön.",
            working_time="shift",
            pay=(15.5, 18, "hour"),
            positions=2,
            safety_card=True,
            other_requirements="Trukkikortti on eduksi.",
        ),
        _job(
            "Kesätyöntekijä sahalle",
            "industry",
            "summer",
            SUMMER,
            "Lajittelet ja pakkaat sahatavaraa sekä siivoat tuotantotiloja vakituisten "
            "työntekijöiden lomien aikaan. Työ sopii 18 vuotta täyttäneelle. Suojavarusteet "
            "saat meiltä.",
            pay=(13, 14, "hour"),
            positions=3,
            safety_card=True,
            other_requirements="Trukkikortti on eduksi.",
        ),
        _job(
            "Kunnossapitoasentaja",
            "industry",
            "permanent",
            None,
            "Huollat ja korjaat sahan mekaniikkaa, hydrauliikkaa ja sähkölaitteita. Työ on "
            "päivätyötä, ja varallaoloa on vuorolistan mukaan. Edellytämme mekaanisen tai "
            "sähköalan koulutusta.",
            pay=(17, 21, "hour"),
            safety_card=True,
            other_requirements="Tulityökortti on eduksi.",
        ),
        _job(
            "Puunostaja",
            "forestry",
            "permanent",
            None,
            "Ostat puuta lähialueen metsänomistajilta ja suunnittelet leimikot yhdessä "
            "heidän kanssaan. Odotamme metsäalan koulutusta ja kykyä toimia itsenäisesti. "
            "Käyttöösi saat auton ja puhelimen.",
            pay=(3200, 3800, "month"),
            driving_licence=True,
        ),
        _job(
            "Puuteollisuuden oppisopimusopiskelija",
            "industry",
            "apprenticeship",
            None,
            "Suoritat puuteollisuuden perustutkinnon sahalla työn ohessa noin kahdessa "
            "vuodessa. Saat oman työpaikkaohjaajan ja palkan koko koulutuksen ajan. "
            "Teoriaopinnot järjestää Gradia.",
            working_time="shift",
            pay_description="Oppisopimuspalkka sahateollisuuden TES:n mukaan",
            safety_card=True,
        ),
    ],
    "Sysmän Rauta ja Rakenne": [
        _job(
            "Myyjä kesäksi",
            "trade",
            "summer",
            (5, 8),
            "Palvelet mökkiläisiä ja rakentajia myymälässä ja puutavarapihalla. Hyllytät, "
            "otat vastaan kuormia ja neuvot tuotevalinnoissa. Tuotetuntemus karttuu työssä.",
            pay=(12, 13, "hour"),
            positions=2,
        ),
        _job(
            "Rautakaupan myyjä",
            "trade",
            "permanent",
            None,
            "Vakituinen myyjä myymälään ja puutavarapihalle. Teet tarjouksia rakentajille "
            "ja hoidat tilauksia tukkureilta. Kokemus rakentamisesta tai rautakaupasta on "
            "eduksi.",
            pay=(2300, 2600, "month"),
        ),
        _job(
            "Kuljettaja rakennustarvikkeiden toimituksiin",
            "trade",
            "seasonal",
            (4, 10),
            "Toimitat rakennustarvikkeita työmaille ja mökeille Sysmän ja Hartolan alueella "
            "nosturiautolla. Autat asiakasta purkamaan kuorman oikeaan paikkaan. "
            "Nosturikokemus on eduksi.",
            pay=(13.5, 15, "hour"),
            driving_licence=True,
            other_requirements="C-ajokortti ja voimassa oleva ammattipätevyys.",
        ),
        _job(
            "Pihasaunojen ja -varastojen asentaja",
            "construction",
            "fixed_term",
            (4, 10),
            "Kokoat asiakkaille myymiämme pihasaunoja, varastoja ja terasseja valmiista "
            "paketeista. Työ tehdään työparina, ja työkalut ja auto tulevat meiltä. "
            "Puurakentamisen kokemus on tarpeen.",
            pay=(16, 19, "hour"),
            driving_licence=True,
            safety_card=True,
        ),
    ],
    "Sysmän kunta": [
        _job(
            "Varhaiskasvatuksen opettaja",
            "education",
            "permanent",
            None,
            "Haemme varhaiskasvatuksen opettajaa päiväkodin 3–5-vuotiaiden ryhmään. Työ on "
            "pedagogista suunnittelua, lasten ohjaamista ja yhteistyötä perheiden kanssa. "
            "Kelpoisuus varhaiskasvatuslain mukaan.",
            pay=(3000, 3200, "month"),
            first_aid_card=True,
        ),
        _job(
            "Koulunkäynninohjaaja, määräaikainen",
            "education",
            "fixed_term",
            SCHOOL_YEAR,
            "Ohjaat oppilaita luokassa ja pienryhmässä yhtenäiskoulussamme lukuvuoden "
            "loppuun. Tuet oppilaiden koulunkäyntiä ja olet mukana välitunneilla ja retkillä. "
            "Koulunkäynninohjaajan tutkinto tai vastaava kokemus.",
            pay=(2150, 2350, "month"),
            first_aid_card=True,
        ),
        _job(
            "Ruokapalvelutyöntekijä koulukeittiöön",
            "tourism",
            "fixed_term",
            SCHOOL_YEAR,
            "Valmistat koulun ja päiväkotien ateriat noin 300 ruokailijalle ja huolehdit "
            "erityisruokavalioista. Työaika on arkisin kello 6.30–14.30. Alan koulutus tai "
            "kokemus suurkeittiöstä on tarpeen.",
            pay=(2150, 2350, "month"),
            hygiene_passport=True,
        ),
        _job(
            "Laitoshuoltaja",
            "cleaning",
            "permanent",
            None,
            "Siivoat koulun ja kunnantalon tiloja iltapäivisin, noin 30 tuntia viikossa. "
            "Käytössä on konesiivous ja mikrokuituvälineet. Perehdytämme myös "
            "alanvaihtajan.",
            working_time="part_time",
            pay=(12.8, 13.8, "hour"),
        ),
        _job(
            "Kesätyöntekijä puisto- ja pihatöihin",
            "cleaning",
            "summer",
            SUMMER,
            "Kunnan kesätöitä 16–19-vuotiaille: kitket istutuksia, leikkaat nurmikkoa ja "
            "siistit kiinteistöjen pihoja kolmen viikon jaksoissa. Työaika on arkisin "
            "kello 8–14. Kesätyöntekijät arvotaan hakijoiden kesken.",
            pay=(11.5, None, "hour"),
            positions=8,
        ),
    ],
    "Hartolan kunta": [
        _job(
            "Luokanopettaja, sijaisuus",
            "education",
            "fixed_term",
            (8, 12),
            "Sijaisuus kolmannella luokalla syyslukukauden ajan. Luokassa on 18 oppilasta, "
            "ja opettajakunta on pieni ja tiivis. Edellytämme luokanopettajan kelpoisuutta; "
            "myös pitkällä olevat opiskelijat voivat hakea.",
            pay_description="OVTES:n mukaan",
        ),
        _job(
            "Lastenhoitaja päiväkotiin",
            "education",
            "permanent",
            None,
            "Vakituinen varhaiskasvatuksen lastenhoitaja 1–3-vuotiaiden ryhmään. Työ on "
            "perushoitoa, leikkiä ja ulkoilua vuoroissa kello 6.30–17 välillä. Edellytämme "
            "lastenhoitajan tai lähihoitajan tutkintoa.",
            working_time="shift",
            pay=(2400, 2600, "month"),
            first_aid_card=True,
        ),
        _job(
            "Kiinteistönhoitaja",
            "cleaning",
            "permanent",
            None,
            "Huolehdit kunnan koulujen, päiväkotien ja liikuntapaikkojen kiinteistöistä: "
            "talotekniikan tarkastuksista, pienistä korjauksista ja talvella lumitöistä. "
            "Päivystysvuorot jaetaan tiimin kesken.",
            pay=(2500, 2800, "month"),
            driving_licence=True,
        ),
        _job(
            "Latujen ja luistinratojen hoitaja",
            "cleaning",
            "seasonal",
            WINTER,
            "Ajat latuja moottorikelkalla ja jäädytät luistinradat talvikaudella. Työaikaan "
            "vaikuttaa sää: runsas lumisade tarkoittaa aikaisia aamuja. Moottorikelkan "
            "ajamiseen tarvitset ajokortin.",
            working_time="part_time",
            pay=(14, 15, "hour"),
            driving_licence=True,
        ),
    ],
    "Joutsan kunta": [
        _job(
            "Laaja-alainen erityisopettaja",
            "education",
            "permanent",
            None,
            "Tuet oppilaita pienryhmissä ja samanaikaisopetuksessa yhtenäiskoulussa. Teet "
            "tiivistä yhteistyötä luokanopettajien ja oppilashuollon kanssa. Edellytämme "
            "erityisopettajan kelpoisuutta.",
            pay_description="OVTES:n mukaan",
        ),
        _job(
            "Iltapäivätoiminnan ohjaaja",
            "education",
            "part_time",
            SCHOOL_YEAR,
            "Ohjaat 1.–2.-luokkalaisten iltapäivätoimintaa koulupäivän jälkeen, noin 20 "
            "tuntia viikossa. Ohjelmassa on ulkoilua, askartelua ja välipala. Sopii "
            "esimerkiksi opiskelijalle; ohjaajan koulutus on eduksi.",
            working_time="part_time",
            pay=(13, 14, "hour"),
            first_aid_card=True,
        ),
        _job(
            "Siivooja, sijaisuus",
            "cleaning",
            "fixed_term",
            (1, 6),
            "Sijaisuus koulukeskuksen siivoustiimissä kevätlukukauden ajan. Työaika on "
            "arkisin kello 14–21. Puhtausalan kokemus on eduksi.",
            pay=(12.5, 13.5, "hour"),
        ),
        _job(
            "Kesätyöntekijä liikuntapaikoille",
            "cleaning",
            "summer",
            SUMMER,
            "Kesätyötä 16–20-vuotiaalle: siivoat urheilukenttiä ja uimarantoja, leikkaat "
            "nurmikkoa ja teet pieniä huoltotöitä. Työjaksot ovat kolmen viikon mittaisia, "
            "arkisin kello 8–15.",
            pay=(11.5, 12.5, "hour"),
            positions=6,
        ),
    ],
    "Pertunmaan kunta": [
        _job(
            "Kirjastovirkailija",
            "other",
            "part_time",
            None,
            "Palvelet asiakkaita kunnankirjastossa, käsittelet uutta aineistoa ja pidät "
            "lasten satutunteja. Työaika on noin 25 tuntia viikossa, myös iltoja ja "
            "joitakin lauantaita. Kirjastoalan koulutus on eduksi.",
            working_time="part_time",
            pay=(14, 15, "hour"),
        ),
        _job(
            "Harjoittelija nuorisotoimeen",
            "education",
            "internship",
            SUMMER,
            "Järjestät kesän nuorisotapahtumia, leirejä ja nuorisotilan iltoja yhdessä "
            "nuoriso-ohjaajan kanssa. Sopii yhteisöpedagogi-, sosionomi- tai "
            "kasvatusalan opiskelijalle.",
            pay=(1500, None, "month"),
            first_aid_card=True,
        ),
        _job(
            "Varhaiskasvatuksen opettaja, sijaisuus",
            "education",
            "fixed_term",
            (1, 7),
            "Sijaisuus päiväkodin esiopetusryhmässä kevätkauden ajan. Ryhmässä on 12 lasta "
            "ja kaksi lastenhoitajaa. Kelpoisuus varhaiskasvatuslain mukaan.",
            pay=(3000, 3200, "month"),
            first_aid_card=True,
        ),
        _job(
            "Hyvinvointikoordinaattori",
            "other",
            "fixed_term",
            (3, 12),
            "Koordinoit kunnan hyvinvoinnin ja terveyden edistämistä: ikäihmisten "
            "liikuntaryhmiä, järjestöyhteistyötä ja hyvinvointikertomusta. Tehtävä on "
            "hankerahoitteinen. Edellytämme soveltuvaa korkeakoulututkintoa.",
            pay=(3000, 3300, "month"),
        ),
    ],
    "Esedu – Etelä-Savon ammattiopisto": [
        _job(
            "Tuntiopettaja, sosiaali- ja terveysala",
            "education",
            "part_time",
            SCHOOL_YEAR,
            "Opetat lähihoitajaopiskelijoita lähi- ja verkko-opetuksena ja ohjaat "
            "työpaikalla oppimista alueen hoivakodeissa. Tunteja on noin 12 viikossa. "
            "Edellytämme sairaanhoitajan tutkintoa ja opettajan pedagogisia opintoja tai "
            "valmiutta suorittaa ne.",
            working_time="part_time",
            pay_description="OVTES:n mukaan",
        ),
        _job(
            "Lähihoitajaksi oppisopimuksella",
            "care",
            "apprenticeship",
            None,
            "Haemme yhdessä alueen hoivakotien kanssa oppisopimusopiskelijoita sosiaali- ja "
            "terveysalan perustutkintoon. Opinnot räätälöidään aiemman osaamisesi mukaan, "
            "ja työpaikkaohjaaja tukee arjessa. Sopii erityisesti alanvaihtajalle.",
            working_time="shift",
            pay_description="Työnantajan maksama oppisopimuspalkka alan TES:n mukaan",
            positions=4,
        ),
        _job(
            "Harjoittelija opiskelijapalveluihin",
            "education",
            "internship",
            (1, 5),
            "Korkeakouluopiskelijan harjoittelupaikka: osallistut opiskelijarekrytointiin, "
            "oppilaitosvierailuihin ja tapahtumien järjestämiseen. Sopii esimerkiksi "
            "yhteisöpedagogi- tai tradenomiopiskelijalle.",
            pay=(1500, None, "month"),
        ),
    ],
    "Gradia": [
        _job(
            "Kokiksi oppisopimuksella",
            "tourism",
            "apprenticeship",
            None,
            "Haemme yhdessä Joutsan ravintoloiden ja lomakylien kanssa "
            "oppisopimusopiskelijoita ravintola- ja catering-alan perustutkintoon. "
            "Työskentelet ravintolan keittiössä ja opit työn ohessa. Hygieniapassi "
            "suoritetaan koulutuksen alussa.",
            pay_description="Oppisopimuspalkka alan työehtosopimuksen mukaan",
            positions=3,
        ),
        _job(
            "Tuntiopettaja, matkailuala",
            "education",
            "part_time",
            SCHOOL_YEAR,
            "Opetat matkailualan opiskelijoita Joutsassa: asiakaspalvelua, ohjelmapalveluja "
            "ja luontomatkailua. Tunteja on 10–16 viikossa. Edellytämme alan tutkintoa ja "
            "työkokemusta matkailusta.",
            working_time="part_time",
            pay_description="OVTES:n mukaan",
        ),
        _job(
            "Opinto-ohjaaja, sijaisuus",
            "education",
            "fixed_term",
            (8, 12),
            "Syyslukukauden sijaisuus: ohjaat opiskelijoita opintojen suunnittelussa, "
            "jatko-opinnoissa ja työelämään siirtymisessä. Työ jakautuu Joutsan ja "
            "Jyväskylän toimipisteiden kesken. Edellytämme opinto-ohjaajan kelpoisuutta.",
            pay_description="OVTES:n mukaan",
        ),
    ],
    "Koulutuskeskus Salpaus": [
        _job(
            "Puutuoteteollisuuden oppisopimusopiskelija",
            "industry",
            "apprenticeship",
            None,
            "Haemme Hartolan ja Sysmän puutuoteyrityksiin oppisopimusopiskelijoita "
            "puuteollisuuden perustutkintoon. Työskentelet yrityksessä ja opiskelet "
            "työn ohessa. Sopii myös alanvaihtajalle.",
            pay_description="Työnantajan maksama oppisopimuspalkka alan TES:n mukaan",
            positions=3,
            safety_card=True,
        ),
        _job(
            "Hitsauskouluttaja, lyhytkoulutus",
            "education",
            "fixed_term",
            (9, 12),
            "Vedät työnhakijoille tarkoitetun hitsauksen lyhytkoulutuksen Hartolassa. "
            "Koulutuksessa on 12 opiskelijaa, ja se päättyy pätevyyskokeisiin. Edellytämme "
            "hitsaajan pätevyyksiä ja työkokemusta teollisuudesta.",
            pay=(3400, 3800, "month"),
            safety_card=True,
        ),
        _job(
            "Työpaikkakouluttaja, teollisuus",
            "education",
            "permanent",
            None,
            "Ohjaat opiskelijoita alueen teollisuusyrityksissä ja tuet työpaikkaohjaajia. "
            "Suunnittelet opinnot yhdessä yritysten kanssa ja arvioit näytöt. Edellytämme "
            "alan tutkintoa ja opettajan pedagogisia opintoja tai valmiutta suorittaa ne.",
            pay_description="OVTES:n mukaan",
            driving_licence=True,
        ),
    ],
    "Virtasen perhe": [
        _job(
            "Mökin siivous vaihtopäivinä",
            "cleaning",
            "gig",
            (5, 9),
            "Vuokraamme mökkiämme kesäviikoiksi ja tarvitsemme luotettavan siivoojan "
            "lauantaisin vieraiden vaihtuessa. Yksi siivous kestää noin neljä tuntia, ja "
            "välineet ovat mökillä. Mökille ei kulje linja-autoa, joten oma auto tarvitaan.",
            working_time="part_time",
            pay=(20, None, "hour"),
            driving_licence=True,
        ),
        _job(
            "Lumityöt mökillä",
            "cleaning",
            "gig",
            WINTER,
            "Teet mökin pihan ja tarvittaessa katon lumityöt ja tarkistat mökin kerran "
            "kuussa. Lapiot ja lumikolat ovat vajassa; katolle on kiinteät tikkaat ja "
            "turvaköysi. Kerro, kuinka pian lumisateen jälkeen pääset paikalle.",
            working_time="part_time",
            pay=(20, None, "hour"),
            driving_licence=True,
        ),
        _job(
            "Polttopuiden halkominen ja pinoaminen",
            "cleaning",
            "gig",
            (4, 5),
            "Pihassa on noin kymmenen kuutiota koivupölkkyjä, jotka pitää halkaista ja "
            "pinota liiteriin kuivumaan. Halkomakone on valmiina. Sopii hyvin kahden "
            "hengen porukalle.",
            pay_description="Urakkahinta 400 € koko työstä",
            positions=2,
        ),
        _job(
            "Mökin talviteloille laitto",
            "cleaning",
            "gig",
            (9, 10),
            "Syksyllä mökki laitetaan talviteloille: vesijohdot tyhjennetään, laituri "
            "nostetaan rantaan ja kesäkalusteet viedään liiteriin. Työhön menee kaksi tai "
            "kolme päivää, ja teemme sen mielellämme yhdessä.",
            pay=(20, None, "hour"),
            driving_licence=True,
        ),
    ],
    "Joutsan Mökkipalvelu Tmi": [
        _job(
            "Mökkihuoltaja",
            "cleaning",
            "seasonal",
            (5, 9),
            "Siivoat ja huollat vuokramökkejä vaihtopäivinä Joutsan ja Luhangan alueella. "
            "Työhön kuuluu myös pihatöitä ja saunojen pesua. Oma auto tarpeen; maksamme "
            "kilometrikorvauksen.",
            working_time="part_time",
            pay=(13.5, 15, "hour"),
            positions=2,
            driving_licence=True,
        ),
        _job(
            "Lumitöiden tekijä keikkatyöhön",
            "cleaning",
            "gig",
            WINTER,
            "Teet lumitöitä asiakkaiden mökkien pihoilla ja katoilla talven mittaan. "
            "Keikat tulevat lyhyellä varoitusajalla lumisateen jälkeen. Katolla "
            "työskennellään valjaissa; oma auto ja hyvä kunto tarvitaan.",
            working_time="part_time",
            pay=(16, 18, "hour"),
            positions=2,
            driving_licence=True,
        ),
        _job(
            "Remonttimies mökkikohteisiin",
            "construction",
            "fixed_term",
            (4, 10),
            "Rakennat laitureita ja terasseja ja teet pieniä mökkiremontteja. Työskentelet "
            "pääosin itsenäisesti, ja työkalut saat meiltä. Kokemus puurakentamisesta "
            "vaaditaan.",
            pay=(16, 19, "hour"),
            driving_licence=True,
            safety_card=True,
        ),
        _job(
            "Syyshuoltaja mökkien talvikunnostukseen",
            "cleaning",
            "seasonal",
            (9, 11),
            "Syyskaudella tyhjennämme mökkien vesijärjestelmät, nostamme laiturit ja "
            "siivoamme mökit talven varalle. Työpäivät sovitaan viikoittain. Oma auto "
            "tarpeen; kilometrikorvaus maksetaan.",
            working_time="part_time",
            pay=(13.5, 15, "hour"),
            driving_licence=True,
        ),
    ],
    "Pertunmaan Kyläkauppa": [
        _job(
            "Kesämyyjä kyläkauppaan",
            "trade",
            "summer",
            SUMMER,
            "Kesällä mökkiläiset tuplaavat asiakasmäärän. Palvelet kassalla, täytät hyllyjä "
            "ja paistat kahvilan pullat aamuisin.",
            pay=(12, 13, "hour"),
            positions=2,
            hygiene_passport=True,
        ),
        _job(
            "Kassatyöntekijä, osa-aikainen",
            "trade",
            "part_time",
            None,
            "Kassa-, posti- ja kahvilatyötä noin 20 tuntia viikossa, myös lauantaisin. "
            "Postin palveluihin perehdytämme.",
            working_time="part_time",
            pay=(12.5, 13.5, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Kaupan alan oppisopimusopiskelija",
            "trade",
            "apprenticeship",
            None,
            "Suoritat kaupan alan perustutkinnon työn ohessa kyläkaupassa. Opit tilaukset, "
            "hinnoittelun ja asiakaspalvelun kaikki puolet. Teoriaopinnot järjestää Esedu.",
            pay_description="Oppisopimuspalkka kaupan työehtosopimuksen mukaan",
        ),
    ],
    "Lomakylä Vuorenmäki": [
        _job(
            "Kesätyöntekijä lomakylään",
            "tourism",
            "summer",
            SUMMER,
            "Siivoat mökkejä vaihtopäivinä, lämmität rantasaunaa ja palvelet asiakkaita "
            "grillikatoksella. Sopii opiskelijalle, ja töitä riittää koko kesäksi.",
            pay=(12, 13, "hour"),
            positions=3,
            housing_details="Huone henkilökunnan rivitalossa.",
        ),
        _job(
            "Ruskaretkien opas",
            "tourism",
            "seasonal",
            (9, 10),
            "Opastat ruska-ajan vaellus- ja melontaretkiä, pääosin viikonloppuisin. Sopii "
            "luontoalan opiskelijalle tai eräoppaalle.",
            working_time="part_time",
            pay=(14, 16, "hour"),
            first_aid_card=True,
        ),
        _job(
            "Keittiöapulainen joulusesonkiin",
            "tourism",
            "seasonal",
            CHRISTMAS,
            "Pikkujoulut ja joulupöydät työllistävät keittiön. Valmistat salaatteja ja "
            "laatikoita, hoidat tiskin ja pidät keittiön siistinä.",
            pay=(12, 13, "hour"),
            positions=2,
            hygiene_passport=True,
        ),
        _job(
            "Ohjelmapalveluohjaaja talvikaudelle",
            "tourism",
            "seasonal",
            (1, 3),
            "Ohjaat lumikenkäretkiä, pilkkiretkiä ja savusaunailtoja kotimaisille ja "
            "ulkomaisille ryhmille. Hiihtolomaviikot ovat kauden kiireisintä aikaa.",
            pay=(13, 14.5, "hour"),
            languages="suomi, englanti",
            housing_details="Kalustettu yksiö lomakylän henkilökuntatalossa.",
            first_aid_card=True,
        ),
        _job(
            "Vastaanottovirkailija",
            "tourism",
            "permanent",
            None,
            "Otat vastaan majoittujat, hoidat varaukset ja laskutuksen ja neuvot vieraita "
            "ohjelmapalveluissa. Työ on vuorotyötä, myös viikonloppuisin. Ruotsin tai "
            "saksan taito on eduksi.",
            working_time="shift",
            pay=(2300, 2500, "month"),
            languages="suomi, englanti",
        ),
    ],
    "Sysmän Kesäteatteriyhdistys ry": [
        _job(
            "Teatterin kesätyöntekijä",
            "other",
            "summer",
            SUMMER,
            "Myyt lippuja, ohjaat yleisöä paikoilleen ja huolehdit katsomon järjestyksestä "
            "esitysiltoina. Näytöksiä on kolme tai neljä viikossa. Sopii 16 vuotta "
            "täyttäneelle.",
            working_time="part_time",
            pay=(11.5, 12.5, "hour"),
            positions=3,
        ),
        _job(
            "Väliaikakahvion vastaava",
            "tourism",
            "summer",
            SUMMER,
            "Vastaat väliaikakahviosta: tilaat tuotteet, leivot ja johdat kahden nuoren "
            "työvuoroja. Kahvio on auki esityspäivinä.",
            working_time="part_time",
            pay=(12.5, 13.5, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Lavastaja-rekvisitööri",
            "other",
            "seasonal",
            (4, 8),
            "Rakennat lavasteet keväällä yhdessä talkoolaisten kanssa ja huolehdit "
            "rekvisiitasta esityskaudella. Puutyötaidot ovat tarpeen.",
            working_time="part_time",
            pay_description="Kausipalkkio 2 400 €, maksetaan kolmessa erässä",
        ),
        _job(
            "Järjestyksenvalvoja esityksiin",
            "other",
            "gig",
            SUMMER,
            "Valvot järjestystä esityksissä ja pysäköintialueella ja ohjaat yleisöä "
            "poistumisteille. Keikkoja on esityspäivien mukaan, noin 5 tuntia kerrallaan.",
            working_time="part_time",
            pay=(16, None, "hour"),
            positions=2,
            other_requirements="Voimassa oleva järjestyksenvalvojakortti.",
        ),
    ],
    "Metsäpalvelu Kuusela Oy": [
        _job(
            "Metsuri taimikonhoitoon",
            "forestry",
            "seasonal",
            (5, 10),
            "Teet taimikonhoitoa raivaussahalla Päijät-Hämeen ja Etelä-Savon kohteilla. "
            "Työ on itsenäistä, ja palkka määräytyy urakan mukaan. Raivaussahan ja "
            "suojavarusteet saat meiltä; oma auto tarvitaan.",
            pay=(15, 19, "hour"),
            pay_description="Metsäalan TES, urakkapalkka",
            positions=3,
            driving_licence=True,
        ),
        _job(
            "Metsäkoneenkuljettaja",
            "forestry",
            "permanent",
            None,
            "Ajat harvesteria tai kuormatraktoria kaksivuorotyössä. Kalusto on uutta, ja "
            "kohteet ovat pääosin Hartolan ja Sysmän alueella. Edellytämme "
            "metsäkoneenkuljettajan tutkintoa tai vastaavaa kokemusta.",
            working_time="shift",
            pay=(3000, 3600, "month"),
            driving_licence=True,
        ),
        _job(
            "Taimien istuttaja",
            "forestry",
            "seasonal",
            (5, 6),
            "Istutat kuusen ja männyn taimia hakkuuaukoille. Palkka määräytyy istutettujen "
            "taimien mukaan, ja kokeneelle istuttajalle kertyy hyvä tili. Kyyti kohteille "
            "lähtee Hartolasta.",
            pay_description="Urakkapalkka taimimäärän mukaan, metsäalan TES",
            positions=6,
        ),
        _job(
            "Joulukuusten kaataja ja myyjä",
            "forestry",
            "seasonal",
            (12, 12),
            "Kaadat ja verkotat joulukuusia omilta kuusiviljelmiltämme ja myyt niitä "
            "Hartolan joulukuusitorilla. Työ on ulkotyötä pakkasessakin.",
            pay=(13, 14, "hour"),
            positions=2,
            driving_licence=True,
        ),
        _job(
            "Metsäalan oppisopimusopiskelija",
            "forestry",
            "apprenticeship",
            None,
            "Suoritat metsäalan perustutkinnon oppisopimuksella: metsänhoitoa, raivausta ja "
            "metsäkoneen ajoa kokeneiden kuljettajien rinnalla. Teoriaopinnot järjestää "
            "Koulutuskeskus Salpaus.",
            pay_description="Oppisopimuspalkka metsäalan TES:n mukaan",
            driving_licence=True,
        ),
    ],
    "Leipomo Päijänne": [
        _job(
            "Leipuri aamuvuoroon",
            "industry",
            "part_time",
            None,
            "Leivot ruisleipää, sämpylöitä ja pullaa aamuvuorossa kello 4–10. Taikinat "
            "tehdään käsin vanhoilla resepteillä. Leipurin tai kondiittorin koulutus "
            "vaaditaan.",
            working_time="part_time",
            pay=(14, 16, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Leipomotyöntekijä joulusesonkiin",
            "industry",
            "seasonal",
            CHRISTMAS,
            "Joulun alla leivomme joululimppua, joulutorttuja ja piparkakkuja moninkertaisen "
            "määrän. Pakkaat tuotteita, autat leivonnassa ja kokoat tilauksia. Aiempaa "
            "leipomokokemusta ei tarvita.",
            pay=(13, 14, "hour"),
            positions=2,
            hygiene_passport=True,
        ),
        _job(
            "Myyjä leipomomyymälään",
            "trade",
            "part_time",
            None,
            "Palvelet asiakkaita leipomomyymälässä ja kahvilan puolella, etenkin "
            "viikonloppuisin. Työvuorot suunnitellaan kolmeksi viikoksi kerrallaan.",
            working_time="part_time",
            pay=(12.5, 13.5, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Torimyyjä kesäksi",
            "trade",
            "summer",
            SUMMER,
            "Myyt leipiä ja piirakoita Sysmän ja Hartolan kesätoreilla keskiviikkoisin ja "
            "lauantaisin. Ajat leipomon pakettiautolla ja pystytät myyntikojun.",
            working_time="part_time",
            pay=(12.5, 13.5, "hour"),
            driving_licence=True,
            hygiene_passport=True,
        ),
    ],
    "Joutsan Kuljetus Oy": [
        _job(
            "Kuorma-autonkuljettaja",
            "transport",
            "permanent",
            None,
            "Ajat jakelureittejä Keski-Suomessa ja Etelä-Savossa, ja yöt vietät kotona. "
            "Autot ovat uusia ja reitit säännöllisiä.",
            pay=(15.5, 18, "hour"),
            positions=2,
            driving_licence=True,
            other_requirements="C- tai CE-ajokortti, ammattipätevyys ja kuljettajakortti.",
        ),
        _job(
            "Kesäkuljettaja",
            "transport",
            "summer",
            SUMMER,
            "Ajat jakeluautoa vakituisten kuljettajien vuosilomien ajan. Reitit opetetaan "
            "ennen ensimmäistä ajovuoroa.",
            pay=(15, 16, "hour"),
            driving_licence=True,
            other_requirements="C-ajokortti ja ammattipätevyys.",
        ),
        _job(
            "Aurauskuljettaja",
            "transport",
            "seasonal",
            (11, 3),
            "Talvikunnossapitoa: aurat ja hiekoitat teitä ja pihoja Joutsan alueella "
            "varallaolovuoroissa. Koulutamme aurauskaluston käyttöön.",
            working_time="shift",
            pay=(16, 19, "hour"),
            driving_licence=True,
            other_requirements="C-ajokortti.",
        ),
        _job(
            "Laskutus- ja kuljetussihteeri (etätyö)",
            "transport",
            "part_time",
            None,
            "Hoidat kuljetusten laskutuksen ja rahtikirjat ja vastaat asiakkaiden puheluihin "
            "etätyönä. Työaika on noin 25 tuntia viikossa arkisin. Kokemus laskutuksesta tai "
            "kirjanpidosta on eduksi.",
            working_time="part_time",
            pay=(14, 16, "hour"),
            remote=True,
        ),
    ],
    "Kotipalvelu Hartola": [
        _job(
            "Kotiavustaja",
            "care",
            "part_time",
            None,
            "Autat ikäihmisiä kauppa-asioinnissa, ruoanlaitossa ja ulkoilussa heidän "
            "kotonaan. Työ on päivätyötä arkisin, noin 25 tuntia viikossa. Oma auto "
            "tarvitaan; maksamme kilometrikorvauksen.",
            working_time="part_time",
            pay=(13, 14.5, "hour"),
            driving_licence=True,
        ),
        _job(
            "Lähihoitaja kotihoitoon",
            "care",
            "permanent",
            None,
            "Hoidat asiakkaita heidän kodeissaan: lääkehoitoa, haavanhoitoa ja arjen "
            "tukemista. Työ on aamu- ja iltavuoroja, ja käyttöösi saat työauton. "
            "Edellytämme lähihoitajan tutkintoa ja lääkelupia.",
            working_time="shift",
            pay=(2500, 2800, "month"),
            driving_licence=True,
            first_aid_card=True,
        ),
        _job(
            "Kesäsijainen kotihoitoon",
            "care",
            "summer",
            SUMMER,
            "Kesäsijaisuus lähihoitajalle tai pitkällä olevalle alan opiskelijalle. Hoidat "
            "asiakkaita heidän kodeissaan työparin tuella. Työauto on käytössäsi.",
            working_time="shift",
            pay=(14, 15.5, "hour"),
            positions=2,
            driving_licence=True,
            first_aid_card=True,
        ),
        _job(
            "Kodinhoitaja siivoustöihin",
            "cleaning",
            "part_time",
            None,
            "Teet kotisiivouksia ikäihmisten kodeissa ja vaihdat samalla kuulumiset. "
            "Asiakaskäynnit kestävät 2–3 tuntia. Oma auto tarvitaan; maksamme "
            "kilometrikorvauksen.",
            working_time="part_time",
            pay=(13, 14, "hour"),
            driving_licence=True,
        ),
        _job(
            "Kevään ikkunanpesut keikkatyönä",
            "cleaning",
            "gig",
            (4, 6),
            "Keväällä asiakkaamme tilaavat ikkunanpesuja ja suursiivouksia. Keikka kestää "
            "3–5 tuntia, ja voit itse valita sopivat päivät. Oma auto tarvitaan.",
            working_time="part_time",
            pay=(15, 17, "hour"),
            positions=2,
            driving_licence=True,
        ),
    ],
    "Kartanohotelli Pertunmaa": [
        _job(
            "Juhlatarjoilija",
            "tourism",
            "seasonal",
            (5, 9),
            "Tarjoilet häissä, syntymäpäivillä ja yritysjuhlissa kartanon juhlasalissa, "
            "pääosin viikonloppuisin. Aiempi tarjoilukokemus on eduksi.",
            working_time="part_time",
            pay=(13, 14, "hour"),
            positions=4,
            hygiene_passport=True,
            housing_details="Huone kartanon henkilökuntarakennuksessa.",
        ),
        _job(
            "Kerroshoitaja kesäkaudeksi",
            "tourism",
            "seasonal",
            (5, 9),
            "Siivoat hotellihuoneet ja juhlatilat ja huolehdit liinavaatteista. Työ on "
            "päivätyötä, myös viikonloppuisin.",
            working_time="part_time",
            pay=(12.5, 13.5, "hour"),
            positions=2,
            housing_details="Huone kartanon henkilökuntarakennuksessa.",
        ),
        _job(
            "Kokki joulupöytäkaudelle",
            "tourism",
            "seasonal",
            CHRISTMAS,
            "Valmistat perinteistä joulupöytää ja pikkujoulumenuita kartanon ravintolaan. "
            "Keittiössä on neljän hengen tiimi. Kokin tutkinto tai vastaava kokemus.",
            pay=(14, 16, "hour"),
            hygiene_passport=True,
            housing_details="Huone kartanon henkilökuntarakennuksessa.",
        ),
        _job(
            "Hotellin vastaanottovirkailija",
            "tourism",
            "permanent",
            None,
            "Otat vastaan hotellivieraat, hoidat varaukset ja laskutuksen ja palvelet juhlien "
            "järjestäjiä. Työ on vuorotyötä, myös viikonloppuisin.",
            working_time="shift",
            pay=(2300, 2600, "month"),
            languages="suomi, englanti, ruotsi eduksi",
        ),
        _job(
            "Harjoittelija hotelliin ja ravintolaan",
            "tourism",
            "internship",
            (5, 8),
            "Restonomi- tai hotelli- ja ravintola-alan opiskelijan harjoittelupaikka. "
            "Kierrät vastaanotossa, salissa ja juhlapalveluissa ja saat oman ohjaajan.",
            pay=(1600, None, "month"),
            hygiene_passport=True,
            housing_details="Huone kartanon henkilökuntarakennuksessa.",
        ),
    ],
    "Maatila Lehtonen": [
        _job(
            "Navettatyöntekijä",
            "agriculture",
            "permanent",
            None,
            "Hoidat lypsylehmiä ja nuorkarjaa robottinavetassa: ruokit, hoidat ja vastaat "
            "robottien hälytyksiin vuorolistan mukaan. Joka kolmas viikonloppu on "
            "työviikonloppu. Kokemus karjanhoidosta on eduksi.",
            working_time="shift",
            pay=(2400, 2700, "month"),
        ),
        _job(
            "Navetan kesälomittaja",
            "agriculture",
            "summer",
            SUMMER,
            "Lomitat vakituisia työntekijöitä navetassa kesän ajan. Perehdytys "
            "lypsyrobottien käyttöön tehdään ennen lomakautta.",
            working_time="shift",
            pay=(13, 14, "hour"),
        ),
        _job(
            "Traktorinkuljettaja rehunkorjuuseen",
            "agriculture",
            "seasonal",
            (5, 9),
            "Ajat traktoria säilörehun korjuussa ja lietteen levityksessä. Kiireisimmät "
            "viikot ovat rehunteon aikaan, jolloin päivät venyvät.",
            pay=(14, 16, "hour"),
            driving_licence=True,
        ),
        _job(
            "Maatalousalan oppisopimusopiskelija",
            "agriculture",
            "apprenticeship",
            None,
            "Suoritat maatalousalan perustutkinnon työn ohessa tilallamme. Opit "
            "karjanhoidon, peltotyöt ja konetyöt. Teoriaopinnot järjestää "
            "Koulutuskeskus Salpaus.",
            working_time="shift",
            pay_description="Oppisopimuspalkka alan työehtosopimuksen mukaan",
        ),
        _job(
            "Harjoittelija agrologiopiskelijalle",
            "agriculture",
            "internship",
            (5, 8),
            "Tilaharjoittelu agrologiopiskelijalle: osallistut karjanhoitoon, rehunkorjuuseen "
            "ja tilan talouden suunnitteluun. Harjoittelu sopii opintoihin kuuluvaksi "
            "työharjoitteluksi, ja ohjaajana toimii tilan isäntä.",
            pay=(1800, None, "month"),
            driving_licence=True,
        ),
    ],
    "Pertunmaan Rakennus Oy": [
        _job(
            "Kirvesmies",
            "construction",
            "permanent",
            None,
            "Rakennat mökkejä, saunoja ja omakotitaloja pienessä tiimissä. Työmaat ovat "
            "Pertunmaan, Mäntyharjun ja Hartolan alueella. Kokemus puurakentamisesta "
            "vaaditaan.",
            pay=(17, 21, "hour"),
            driving_licence=True,
            safety_card=True,
        ),
        _job(
            "Kesätyöntekijä rakennustyömaalle",
            "construction",
            "summer",
            SUMMER,
            "Avustat kirvesmiehiä, siirrät tarvikkeita ja siivoat työmaata. Sopii "
            "rakennusalan opiskelijalle.",
            pay=(13, 14, "hour"),
            safety_card=True,
        ),
        _job(
            "Kattoremonttien tekijä",
            "construction",
            "seasonal",
            (4, 10),
            "Uusit mökkien ja omakotitalojen kattoja: puret vanhat katteet, korjaat "
            "rakenteet ja asennat peltikatot. Katolla työskennellään valjaissa.",
            pay=(16, 19, "hour"),
            positions=2,
            safety_card=True,
        ),
        _job(
            "Kattolumien pudottaja",
            "construction",
            "gig",
            (1, 3),
            "Pudotat lunta mökkien ja talojen katoilta runsaslumisina talvina. Keikat "
            "tulevat lumitilanteen mukaan, ja välineet saat meiltä.",
            working_time="part_time",
            pay=(18, 20, "hour"),
            positions=2,
            safety_card=True,
        ),
        _job(
            "Talonrakentajaksi oppisopimuksella",
            "construction",
            "apprenticeship",
            None,
            "Suoritat talonrakennusalan perustutkinnon työn ohessa kokeneiden kirvesmiesten "
            "rinnalla. Teoriaopinnot järjestää Esedu.",
            pay_description="Oppisopimuspalkka rakennusalan TES:n mukaan",
            safety_card=True,
        ),
    ],
    "Siivouspalvelu Kirkas": [
        _job(
            "Toimistosiivooja, osa-aikainen",
            "cleaning",
            "part_time",
            None,
            "Siivoat toimistoja ja liiketiloja arki-iltaisin noin 20 tuntia viikossa. "
            "Perehdytämme työhön ja välineisiin.",
            working_time="part_time",
            pay=(12.5, 13.5, "hour"),
        ),
        _job(
            "Loppusiivooja keikkatyöhön",
            "cleaning",
            "gig",
            None,
            "Teet muutto- ja loppusiivouksia asunnoissa ja mökeissä tilausten mukaan. "
            "Keikkoja on eniten keväällä ja kesällä. Oma auto tarvitaan.",
            working_time="part_time",
            pay=(15, 17, "hour"),
            driving_licence=True,
        ),
        _job(
            "Siivooja kesäsijaiseksi",
            "cleaning",
            "summer",
            SUMMER,
            "Sijaistat vakituisia siivoojiamme kesälomien aikana toimistoissa ja "
            "kotikohteissa. Työ on päivätyötä arkisin, ja kohteiden välillä liikutaan omalla "
            "autolla kilometrikorvausta vastaan.",
            pay=(12.5, 13, "hour"),
            driving_licence=True,
        ),
        _job(
            "Siivoustyönjohtaja",
            "cleaning",
            "permanent",
            None,
            "Suunnittelet työvuorot, perehdytät uudet työntekijät ja hoidat asiakassuhteet. "
            "Teet myös itse siivoustöitä. Puhtausalan ammattitutkinto on eduksi.",
            pay=(2600, 2900, "month"),
            driving_licence=True,
        ),
    ],
    "Päiväkoti Metsätähti": [
        _job(
            "Varhaiskasvatuksen opettaja",
            "education",
            "permanent",
            None,
            "Suunnittelet ja toteutat luontopainotteista varhaiskasvatusta 3–5-vuotiaiden "
            "ryhmässä. Vietämme suuren osan päivästä ulkona. Kelpoisuus "
            "varhaiskasvatuslain mukaan.",
            pay=(2900, 3200, "month"),
            first_aid_card=True,
        ),
        _job(
            "Lastenhoitaja, sijaisuus",
            "education",
            "fixed_term",
            (1, 7),
            "Sijaisuus alle 3-vuotiaiden ryhmässä. Työ on perushoitoa, leikkiä ja "
            "retkeilyä lähimetsässä.",
            pay=(2400, 2600, "month"),
            first_aid_card=True,
        ),
        _job(
            "Kesäsijainen päiväkotiin",
            "education",
            "summer",
            SUMMER,
            "Kesäsijaisuus henkilökunnan lomien ajaksi: ulkoilua, leikkiä ja lasten "
            "perushoitoa. Alan opinnot ovat eduksi.",
            pay=(12, 13, "hour"),
            positions=2,
            first_aid_card=True,
        ),
        _job(
            "Varhaiskasvatuksen harjoittelija",
            "education",
            "internship",
            (9, 11),
            "Harjoittelupaikka varhaiskasvatuksen tai sosionomiopiskelijalle. Pääset "
            "suunnittelemaan ja vetämään metsätuokioita ohjaajan tuella.",
            pay=(1300, None, "month"),
            first_aid_card=True,
        ),
    ],
    "Joutsan 4H-yhdistys": [
        _job(
            "Nuorten pihatyökeikat",
            "agriculture",
            "gig",
            (5, 9),
            "Välitämme 13–17-vuotiaille pihatöitä kotitalouksiin: nurmikonleikkuuta, "
            "haravointia ja kitkemistä. Sovit työkerrat asiakkaan kanssa, ja 4H hoitaa "
            "palkanmaksun. Ennen ensimmäistä keikkaa käyt 4H:n työelämäkoulutuksen.",
            working_time="part_time",
            pay=(10, 12, "hour"),
            positions=10,
        ),
        _job(
            "Kesäkerhon ohjaaja",
            "other",
            "summer",
            SUMMER,
            "Ohjaat 7–12-vuotiaiden kesäkerhoja: retkiä, pelejä ja kädentaitoja. "
            "Kerhoviikkoja on kuusi, ja työpäivät ovat arkisin kello 9–15.",
            pay=(12, 13, "hour"),
            positions=2,
            first_aid_card=True,
        ),
        _job(
            "Nuorten lumityökeikat",
            "other",
            "gig",
            WINTER,
            "Välitämme nuorille lumitöitä ikäihmisten pihoille. Keikat sovitaan "
            "lumitilanteen mukaan, ja 4H hoitaa palkanmaksun ja vakuutukset.",
            working_time="part_time",
            pay=(10, 12, "hour"),
            positions=6,
        ),
    ],
    "Sysmän Venesatama": [
        _job(
            "Sommarjobb i gästhamnen",
            "tourism",
            "summer",
            SUMMER,
            "Du tar emot gästbåtar, säljer bränsle och hamnavgifter och håller "
            "servicebyggnaden och bastun i ordning. Många av våra gäster är "
            "svenskspråkiga, så du behöver både svenska och finska. Arbetet sker i skift, "
            "även kvällar och veckoslut.",
            language="sv",
            working_time="shift",
            pay=(12.5, 13.5, "hour"),
            languages="svenska, finska",
        ),
        _job(
            "Satamakioskin myyjä",
            "tourism",
            "summer",
            SUMMER,
            "Myyt jäätelöä, kahvia ja veneilijöiden tarvikkeita satamakioskissa. Vuorot "
            "ovat pisimmillään iltaan asti heinäkuun vilkkaimpina viikkoina.",
            working_time="part_time",
            pay=(12, 13, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Veneiden nostaja talvisäilytykseen",
            "transport",
            "seasonal",
            (9, 11),
            "Syksyllä nostamme noin 200 venettä talvisäilytykseen. Ajat venetrailereita ja "
            "trukkia ja tuet veneet halleihin.",
            pay=(14, 15.5, "hour"),
            positions=2,
            driving_licence=True,
            other_requirements="BE-ajokortti; trukkikortti on eduksi.",
        ),
        _job(
            "Veneiden vesillelaskija keväälle",
            "transport",
            "seasonal",
            (4, 5),
            "Keväällä kuljetamme talvisäilytyksen veneet rantaan ja laskemme ne vesille. "
            "Työ tehdään työparina, ja kiireisimmät päivät ovat toukokuun viikonloppuina.",
            pay=(14, 15.5, "hour"),
            positions=2,
            driving_licence=True,
            other_requirements="BE-ajokortti.",
        ),
    ],
    "Kahvila-ravintola Satamakonttori": [
        _job(
            "Kahvilatyöntekijä kesäksi",
            "tourism",
            "summer",
            (5, 8),
            "Palvelet asiakkaita tiskillä ja terassilla, paistat munkkeja ja pidät paikat "
            "siisteinä. Sopii opiskelijalle.",
            pay=(12, 13, "hour"),
            positions=3,
            hygiene_passport=True,
        ),
        _job(
            "Kesäkokki",
            "tourism",
            "seasonal",
            (5, 9),
            "Valmistat lounaat ja iltojen kalaruoat pienessä keittiössä. Menu vaihtuu "
            "viikoittain lähikalan ja -kasvisten mukaan.",
            pay=(14, 16, "hour"),
            hygiene_passport=True,
        ),
        _job(
            "Viikonlopputyöntekijä kahvilaan",
            "tourism",
            "part_time",
            (5, 9),
            "Perjantai- ja lauantai-illat sekä sunnuntait: tarjoilua, kassaa ja tiskiä. "
            "Vuorot sovitaan kaksi viikkoa etukäteen.",
            working_time="part_time",
            pay=(12, 13, "hour"),
            positions=2,
            hygiene_passport=True,
        ),
        _job(
            "Somemarkkinoija (etätyö)",
            "tourism",
            "gig",
            (3, 8),
            "Teet kahvilan Instagram- ja Facebook-päivitykset ja pidät verkkosivujen menut "
            "ja tapahtumat ajan tasalla. Työ tehdään etänä, noin viisi tuntia viikossa, ja "
            "kuvat otamme yhdessä kahvilalla. Laskutus kevytyrittäjänä käy hyvin.",
            working_time="part_time",
            pay=(18, 22, "hour"),
            remote=True,
        ),
    ],
    "Lakeside Wellness Finland Oy": [
        _job(
            "Spa receptionist for the winter season",
            "tourism",
            "seasonal",
            WINTER,
            "Welcome our international guests, handle bookings and check-ins, and help "
            "guests plan their stay. Christmas, New Year and the ski holidays are the "
            "busiest weeks.",
            working_time="shift",
            pay=(13, 14.5, "hour"),
            languages="English; Finnish or German is a plus",
            housing_details="A furnished studio in the staff building next to the hotel.",
        ),
        _job(
            "Massage therapist",
            "care",
            "part_time",
            None,
            "Give classic and sports massages and guide guests in our relaxation programme. "
            "Appointments are mostly in the afternoons and at weekends.",
            working_time="part_time",
            pay=(18, 22, "hour"),
            languages="English; Finnish is a plus",
            other_requirements="A Finnish qualification as a trained masseur "
            "(koulutettu hieroja) or an equivalent one recognised by Valvira.",
        ),
        _job(
            "Summer lifeguard and pool attendant",
            "tourism",
            "summer",
            SUMMER,
            "Watch over the pools and the lake beach, keep the spa area tidy and help "
            "guests with the saunas. A lifeguard qualification is required.",
            working_time="shift",
            pay=(13, 14, "hour"),
            positions=2,
            languages="English",
            first_aid_card=True,
            housing_details="A shared staff apartment.",
        ),
        _job(
            "Online marketing coordinator (remote)",
            "tourism",
            "part_time",
            None,
            "Plan and run our campaigns on search, social media and travel portals, keep "
            "the website up to date and write the newsletter. You work remotely and visit "
            "the hotel a few times a year.",
            working_time="part_time",
            pay=(20, 24, "hour"),
            languages="English, German",
            remote=True,
        ),
    ],
}
# A job in no language of its own is in its employer's.
for _organisation in ORGANISATIONS:
    for _job_data in JOBS[_organisation["name"]]:
        _job_data["language"] = _job_data["language"] or _organisation["language"]

# The employers with the jobs each posts.
EMPLOYERS = [organisation | {"jobs": JOBS[organisation["name"]]} for organisation in ORGANISATIONS]

REJECTION_REASONS = [
    "Ilmoituksesta puuttuu palkkaus. Lisää palkka tai maininta työehtosopimuksesta.",
    "Kuvaus on liian suppea: kerro työtehtävistä ja työajoista tarkemmin.",
]


def all_jobs():
    """Every (employer, job) pair, in order."""
    return [(employer, job) for employer in EMPLOYERS for job in employer["jobs"]]


# The dates of a demo job, seen from the day the demo is seeded.
#
# A season runs from the 1st of its start month to the last day of its end month, the way
# employers write them ("kesäkuun alusta elokuun loppuun"). An open job starts more than
# LEAD_DAYS after today, so there is time to apply, and its deadline is 7–45 days from today
# and at least a week before the start.
#
# When the season's nominal start is too near or already past but the season is still running,
# the job starts late: on the first Monday after the lead, if at least two weeks and a third of
# the season are then left. That is how late hiring looks in real life, and it keeps the demo
# sensible on every day of the year: on 28 November the Christmas jobs start on a Monday in
# mid-December, not next November; on 1 July a summer job starts in late July. Only when too
# little of the season is left does the job move to next year's run (for example a summer job
# seen on 10 August). Whether a posting that far ahead looks natural is hiring_now().
#
# A closed job is the last run that has already ended, its deadline 7–45 days before its start.
LEAD_DAYS = 14
DEADLINE_DAYS = (7, 45)  # an open dated job's deadline, in days from today
NOTICE_DAYS = 7  # between the deadline and the start, at least
ONGOING_DEADLINE_DAYS = (14, 60)  # an open ongoing job's deadline, in days from today
CLOSED_ONGOING_DEADLINE_DAYS = (1, 60)  # a closed ongoing job's deadline, in days before today
LATE_START_MIN_DAYS = 14


def season_run(season, year):
    """(start, end) of the run of `season` that starts in `year`."""
    start_month, end_month = season
    end_year = year + 1 if end_month < start_month else year
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return date(year, start_month, 1), end


def _pick(low, high, offset):
    """A number in low..high (inclusive), chosen by `offset`."""
    return low + offset % (high - low + 1)


def _next_monday_after(day):
    return day + timedelta(days=7 - day.weekday())


def _open_run(season, today):
    earliest = today + timedelta(days=LEAD_DAYS)
    for year in range(today.year - 1, today.year + 3):
        start, end = season_run(season, year)
        if start > earliest:
            return start, end
        if earliest < end:
            late = _next_monday_after(earliest)
            left = (end - late).days + 1
            length = (end - start).days + 1
            if left >= max(LATE_START_MIN_DAYS, length / 3):
                return late, end
    raise AssertionError("some run within three years starts after the lead")


def _closed_run(season, today):
    for year in range(today.year, today.year - 3, -1):
        start, end = season_run(season, year)
        if end < today:
            return start, end
    raise AssertionError("some run within three years has ended")


def job_dates(season, today, *, closed=False, offset=0):
    """(start, end, deadline) of a demo job of `season` seen on `today`; `offset` varies the
    deadline deterministically. Ongoing work (season None) has no start or end."""
    if season is None:
        if closed:
            return None, None, today - timedelta(days=_pick(*CLOSED_ONGOING_DEADLINE_DAYS, offset))
        return None, None, today + timedelta(days=_pick(*ONGOING_DEADLINE_DAYS, offset))
    if closed:
        start, end = _closed_run(season, today)
        return start, end, start - timedelta(days=_pick(*DEADLINE_DAYS, offset))
    start, end = _open_run(season, today)
    latest = min(DEADLINE_DAYS[1], (start - today).days - NOTICE_DAYS)
    return start, end, today + timedelta(days=_pick(DEADLINE_DAYS[0], latest, offset))


def hiring_now(season, today, *, horizon_days=183):
    """Whether an open posting of `season` looks natural on `today`: ongoing work always, a
    season when its next run starts within about half a year. Summer jobs are advertised from
    the turn of the year, not in September; the seeder can show such a job as closed (last
    year's run) instead."""
    if season is None:
        return True
    start, _end, _deadline = job_dates(season, today)
    return (start - today).days <= horizon_days
