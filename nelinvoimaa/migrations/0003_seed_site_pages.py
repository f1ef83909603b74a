from django.db import migrations

# Initial texts of the site pages; staff edit them in the admin afterwards.
PAGES = [
    {
        "slug": "about",
        "position": 10,
        "title_fi": "Tietoa palvelusta",
        "title_sv": "Om tjänsten",
        "title_en": "About the service",
        "body_fi": """
<p>Nelinvoimaa on Sysmän, Hartolan, Joutsan ja Pertunmaan yhteinen työpaikkojen, työnantajien
ja koulutusten palvelu. Neljä rajakuntaa kolmen maakunnan – Päijät-Hämeen, Keski-Suomen ja
Etelä-Savon – reunoilta muodostavat yhteisen työssäkäyntialueen.</p>
<h2>Miksi palvelu on olemassa</h2>
<p>Alueen työ on usein kausiluonteista: matkailu, kesämökit, maatalous, metsäala ja hoiva.
Palvelun tavoite on tehdä työstä kokoaikaisempaa ja tuoda työnantajat ja tekijät yhteen –
myös monipaikkaiset asukkaat, joilla on toinen koti alueella.</p>
<ul>
<li>Räätälöidään oppilaitosten, työnantajien ja kuntien kanssa matalan kynnyksen koulutuksia
työvoimapulasta kärsiville ja kausiluonteisesti työllistäville aloille.</li>
<li>Madalletaan yrittäjyyden kynnystä maaseudulla koulutuksen, mentoroinnin ja alueellisten
verkostojen avulla.</li>
<li>Haetaan uusia tapoja työnantajan ja työntekijän kohtaamiseen Nelinvoimaa-palvelun avulla.</li>
<li>Otetaan monipaikkaiset asukkaat mukaan alueen elinvoimatyöhön.</li>
</ul>
<h2>Hankkeet ja rahoitus</h2>
<p>Nelinvoimaa käynnistettiin Pienten kuntien elinvoimaa -hankkeessa (2020–2021), jota
rahoitti Euroopan sosiaalirahasto. Työtä jatkoi Pienten kuntien akatemia -hanke (2.2023–1.2025),
jonka rahoituksesta 75 % oli ESR-rahoitusta ja 25 % tuli mukana olevilta kunnilta.</p>
""",
        "body_sv": """
<p>Nelinvoimaa är den gemensamma tjänsten för lediga jobb, arbetsgivare och utbildningar i
Sysmä, Gustav Adolfs (Hartola), Joutsa och Pertunmaa. De fyra gränskommunerna i utkanten av tre
landskap – Päijänne-Tavastland, Mellersta Finland och Södra Savolax – bildar ett gemensamt
pendlingsområde.</p>
<h2>Varför tjänsten finns</h2>
<p>Arbetet i regionen är ofta säsongsbetonat: turism, sommarstugor, jordbruk, skogsbruk och
omsorg. Målet är att göra arbetet mer heltidsbetonat och föra samman arbetsgivare och
arbetstagare – också flerortsboende som har ett andra hem i regionen.</p>
<ul>
<li>Lågtröskelutbildningar skräddarsys med läroanstalter, arbetsgivare och kommuner för
branscher med arbetskraftsbrist och säsongsarbete.</li>
<li>Tröskeln till företagande på landsbygden sänks genom utbildning, mentorskap och regionala
nätverk.</li>
<li>Nya sätt att föra samman arbetsgivare och arbetstagare prövas i Nelinvoimaa.</li>
<li>Flerortsboende bjuds in att delta i arbetet för regionens livskraft.</li>
</ul>
<h2>Projekt och finansiering</h2>
<p>Nelinvoimaa startades i projektet Pienten kuntien elinvoimaa (2020–2021) som finansierades av
Europeiska socialfonden. Arbetet fortsatte i projektet Pienten kuntien akatemia (2.2023–1.2025),
som till 75 % finansierades av ESF och till 25 % av de deltagande kommunerna.</p>
""",
        "body_en": """
<p>Nelinvoimaa is the joint jobs, employers and trainings service of Sysmä, Hartola, Joutsa and
Pertunmaa. The four border municipalities on the edges of three regions – Päijät-Häme, Central
Finland and South Savo – form one commuting area.</p>
<h2>Why the service exists</h2>
<p>Work in the region is often seasonal: tourism, summer cottages, agriculture, forestry and
care. The service aims to make work more full-time and to bring employers and workers together –
including multi-locational residents who have a second home here.</p>
<ul>
<li>Low-threshold trainings are tailored with schools, employers and the municipalities for
sectors short of labour and for seasonal work.</li>
<li>Entrepreneurship in the countryside is made easier through training, mentoring and regional
networks.</li>
<li>New ways for employers and workers to meet are tried out in Nelinvoimaa.</li>
<li>Multi-locational residents are invited to take part in the life of the region.</li>
</ul>
<h2>Projects and funding</h2>
<p>Nelinvoimaa was launched by the project Pienten kuntien elinvoimaa (2020–2021), funded by the
European Social Fund. The work continued in the project Pienten kuntien akatemia
(2.2023–1.2025), funded 75 % by the ESF and 25 % by the participating municipalities.</p>
""",
    },
    {
        "slug": "privacy",
        "position": 20,
        "title_fi": "Tietosuojaseloste",
        "title_sv": "Dataskyddsbeskrivning",
        "title_en": "Privacy notice",
        "body_fi": """
<h2>Rekisterinpitäjä</h2>
<p>Sysmän kunta yhdessä Hartolan, Joutsan ja Pertunmaan kuntien kanssa (yhteisrekisterinpitäjät).
Yhteystiedot löytyvät <a href="/fi/pages/contact/">yhteystietosivulta</a>.</p>
<h2>Mitä tietoja käsittelemme ja miksi</h2>
<ul>
<li>Käyttäjätili: sähköpostiosoite, nimi, puhelinnumero ja kieli – palvelun käyttämiseksi.</li>
<li>Hakemukset: hakemuskirje, ansioluettelo (CV) ja muut antamasi tiedot – jotta työnantaja voi
käsitellä hakemuksesi.</li>
<li>Hakuvahdit ja tallennetut työpaikat – jotta voimme lähettää sinulle pyytämäsi ilmoitukset.</li>
<li>Työnantajien yhteyshenkilöiden tiedot – ilmoitusten julkaisemiseksi ja tarkastamiseksi.</li>
</ul>
<p>Käsittelyn perusteena on palvelun käyttöä koskeva sopimus ja suostumuksesi sekä kuntien
yleisen edun mukainen tehtävä työllisyyden edistämisessä.</p>
<h2>Kuka näkee tietosi</h2>
<p>Hakemuksesi näkevät vain sinä, haetun työpaikan työnantajan edustajat ja palvelun
pääkäyttäjät. Kuntien tarkastajat näkevät ilmoitukset, eivät hakijoita.</p>
<h2>Säilytys</h2>
<p>Hakemukset ja liitetiedostot poistetaan 24 kuukauden kuluttua siitä, kun työpaikan haku on
päättynyt. Voit poistaa tilisi ja kaikki tietosi milloin tahansa.</p>
<h2>Oikeutesi</h2>
<p>Sinulla on oikeus saada tietosi, korjata ne, poistaa ne ja siirtää ne, sekä tehdä valitus
tietosuojavaltuutetulle (<a href="https://tietosuoja.fi">tietosuoja.fi</a>).</p>
""",
        "body_sv": """
<h2>Personuppgiftsansvarig</h2>
<p>Sysmä kommun tillsammans med kommunerna Gustav Adolfs, Joutsa och Pertunmaa (gemensamt
personuppgiftsansvariga). Kontaktuppgifterna finns på <a href="/sv/pages/contact/">kontaktsidan</a>.</p>
<h2>Vilka uppgifter vi behandlar och varför</h2>
<ul>
<li>Användarkonto: e-postadress, namn, telefonnummer och språk – för att använda tjänsten.</li>
<li>Ansökningar: personligt brev, CV och andra uppgifter du lämnar – så att arbetsgivaren kan
behandla din ansökan.</li>
<li>Jobbevakningar och sparade jobb – för att skicka de meddelanden du bett om.</li>
<li>Arbetsgivarnas kontaktpersoner – för att publicera och granska annonser.</li>
</ul>
<p>Grunden för behandlingen är avtalet om användning av tjänsten, ditt samtycke och
kommunernas uppgift av allmänt intresse att främja sysselsättningen.</p>
<h2>Vem ser dina uppgifter</h2>
<p>Din ansökan ses endast av dig, av den sökta arbetsgivarens representanter och av tjänstens
huvudanvändare. Kommunernas granskare ser annonserna, inte de sökande.</p>
<h2>Lagring</h2>
<p>Ansökningar och bifogade filer raderas 24 månader efter att ansökningstiden gått ut. Du kan
radera ditt konto och alla dina uppgifter när som helst.</p>
<h2>Dina rättigheter</h2>
<p>Du har rätt att få tillgång till, rätta, radera och flytta dina uppgifter samt att lämna
klagomål till dataombudsmannen (<a href="https://tietosuoja.fi/sv">tietosuoja.fi</a>).</p>
""",
        "body_en": """
<h2>Controller</h2>
<p>The municipality of Sysmä together with the municipalities of Hartola, Joutsa and Pertunmaa
(joint controllers). Contact details are on the <a href="/en/pages/contact/">contact page</a>.</p>
<h2>What data we process and why</h2>
<ul>
<li>User account: e-mail address, name, phone number and language – to use the service.</li>
<li>Applications: cover letter, CV and other information you give – so that the employer can
process your application.</li>
<li>Job alerts and saved jobs – to send you the notifications you asked for.</li>
<li>Employers' contact persons – to publish and review postings.</li>
</ul>
<p>The legal basis is the agreement on using the service, your consent, and the municipalities'
task in the public interest of promoting employment.</p>
<h2>Who sees your data</h2>
<p>Your application is seen only by you, by the representatives of the employer you applied to
and by the service's administrators. Municipal moderators see postings, not applicants.</p>
<h2>Retention</h2>
<p>Applications and their files are deleted 24 months after the job's application period has
ended. You can delete your account and all your data at any time.</p>
<h2>Your rights</h2>
<p>You have the right to access, correct, delete and transfer your data, and to lodge a
complaint with the Data Protection Ombudsman (<a href="https://tietosuoja.fi/en">tietosuoja.fi</a>).</p>
""",
    },
    {
        "slug": "accessibility",
        "position": 30,
        "title_fi": "Saavutettavuusseloste",
        "title_sv": "Tillgänglighetsutlåtande",
        "title_en": "Accessibility statement",
        "body_fi": """
<p>Tämä saavutettavuusseloste koskee Nelinvoimaa-palvelua. Palvelua koskee laki digitaalisten
palvelujen tarjoamisesta, jossa edellytetään, että julkisten verkkopalvelujen on oltava
saavutettavia.</p>
<h2>Digipalvelun saavutettavuuden tila</h2>
<p>Palvelu täyttää WCAG 2.1 -kriteeristön A- ja AA-tason saavutettavuusvaatimukset osittain.
Sivut arvioidaan automaattisilla testeillä jokaisen muutoksen yhteydessä sekä
näppäimistöllä ja ruudunlukijalla.</p>
<h2>Ei-saavutettava sisältö</h2>
<ul>
<li>Työnantajien lataamat kuvat ja liitteet eivät aina sisällä tekstivastinetta.</li>
<li>Ylläpitonäkymä (henkilöstön käyttöön) perustuu Django-kehyksen ylläpitoon, jota ei ole
arvioitu kokonaan.</li>
</ul>
<h2>Anna palautetta saavutettavuudesta</h2>
<p>Huomasitko saavutettavuuspuutteen? Kerro siitä meille <a href="/fi/pages/contact/">yhteystietosivun</a>
kautta. Vastaamme 14 päivän kuluessa.</p>
<h2>Valvontaviranomainen</h2>
<p>Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole
tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä
ilmoituksen valvontaviranomaiselle: Liikenne- ja viestintävirasto Traficom, saavutettavuuden
valvonta, <a href="https://www.saavutettavuusvaatimukset.fi">saavutettavuusvaatimukset.fi</a>,
saavutettavuus@traficom.fi, puhelinvaihde 029 534 5000.</p>
<h2>Selosteen laatiminen</h2>
<p>Seloste on laadittu 28.11.2026 ja sitä on viimeksi päivitetty 28.11.2026. Arvio on tehty
itsearviona.</p>
""",
        "body_sv": """
<p>Detta tillgänglighetsutlåtande gäller tjänsten Nelinvoimaa. Tjänsten omfattas av lagen om
tillhandahållande av digitala tjänster, enligt vilken offentliga webbtjänster ska vara
tillgängliga.</p>
<h2>Tjänstens tillgänglighet</h2>
<p>Tjänsten uppfyller delvis kraven på nivå A och AA i WCAG 2.1. Sidorna bedöms med automatiska
tester vid varje ändring samt med tangentbord och skärmläsare.</p>
<h2>Innehåll som inte är tillgängligt</h2>
<ul>
<li>Bilder och bilagor som arbetsgivare laddar upp har inte alltid en textbeskrivning.</li>
<li>Administrationsvyn (för personalen) bygger på Django-ramverkets administration, som inte har
bedömts helt.</li>
</ul>
<h2>Ge respons om tillgängligheten</h2>
<p>Har du upptäckt en brist i tillgängligheten? Berätta det för oss via
<a href="/sv/pages/contact/">kontaktsidan</a>. Vi svarar inom 14 dagar.</p>
<h2>Tillsynsmyndighet</h2>
<p>Om du upptäcker tillgänglighetsproblem, ge först respons till oss. Om du inte är nöjd med
svaret eller inte får något svar inom två veckor kan du anmäla saken till tillsynsmyndigheten:
Transport- och kommunikationsverket Traficom, tillsynen av tillgänglighet,
<a href="https://www.tillganglighetskrav.fi">tillganglighetskrav.fi</a>,
saavutettavuus@traficom.fi, växel 029 534 5000.</p>
<h2>Utlåtandet</h2>
<p>Utlåtandet har utarbetats 28.11.2026 och uppdaterades senast 28.11.2026. Bedömningen är en
självbedömning.</p>
""",
        "body_en": """
<p>This accessibility statement applies to the Nelinvoimaa service. The service is subject to
the Act on the Provision of Digital Services, which requires public online services to be
accessible.</p>
<h2>Compliance status</h2>
<p>The service partially meets the level A and AA requirements of WCAG 2.1. The pages are
assessed with automated tests at every change, and with a keyboard and a screen reader.</p>
<h2>Non-accessible content</h2>
<ul>
<li>Images and attachments uploaded by employers do not always have a text alternative.</li>
<li>The administration view (for staff) is based on the Django framework's admin, which has not
been fully assessed.</li>
</ul>
<h2>Feedback on accessibility</h2>
<p>Did you notice an accessibility issue? Tell us through the <a href="/en/pages/contact/">contact
page</a>. We answer within 14 days.</p>
<h2>Supervisory authority</h2>
<p>If you notice accessibility problems, first give feedback to us. If you are not satisfied with
the answer or receive none within two weeks, you can notify the supervisory authority: the
Finnish Transport and Communications Agency Traficom, accessibility supervision,
<a href="https://www.saavutettavuusvaatimukset.fi/en">saavutettavuusvaatimukset.fi</a>,
saavutettavuus@traficom.fi, switchboard +358 29 534 5000.</p>
<h2>About this statement</h2>
<p>This statement was prepared on 28 November 2026 and last updated on 28 November 2026. The
assessment is a self-assessment.</p>
""",
    },
    {
        "slug": "contact",
        "position": 40,
        "title_fi": "Yhteystiedot",
        "title_sv": "Kontakt",
        "title_en": "Contact",
        "body_fi": """
<p>Nelinvoimaa-palvelua ylläpitävät Sysmän, Hartolan, Joutsan ja Pertunmaan kunnat.</p>
<h2>Palvelun ylläpito</h2>
<p>Sysmän kunta, 19700 Sysmä. Kunnan vaihde ja kirjaamo palvelevat arkisin.</p>
<p>Ilmoitusten tarkastuksesta vastaa kunkin kunnan elinvoima- tai työllisyyspalvelut.
Henkilöstö päivittää tämän sivun yhteyshenkilöt.</p>
""",
        "body_sv": """
<p>Tjänsten Nelinvoimaa upprätthålls av kommunerna Sysmä, Gustav Adolfs, Joutsa och Pertunmaa.</p>
<h2>Upprätthållare</h2>
<p>Sysmä kommun, 19700 Sysmä. Kommunens växel och registratorskontor betjänar på vardagar.</p>
<p>Granskningen av annonser sköts av varje kommuns närings- eller sysselsättningstjänster.
Personalen uppdaterar kontaktpersonerna på denna sida.</p>
""",
        "body_en": """
<p>The Nelinvoimaa service is maintained by the municipalities of Sysmä, Hartola, Joutsa and
Pertunmaa.</p>
<h2>Maintainer</h2>
<p>Municipality of Sysmä, 19700 Sysmä. The municipality's switchboard and registry serve on
weekdays.</p>
<p>Postings are reviewed by each municipality's business or employment services. Staff keep the
contact persons on this page up to date.</p>
""",
    },
]


def seed(apps, schema_editor):
    Page = apps.get_model("nelinvoimaa", "Page")
    for data in PAGES:
        fields = {key: value.strip() if isinstance(value, str) else value
                  for key, value in data.items() if key != "slug"}
        Page.objects.get_or_create(slug=data["slug"], defaults=fields)


def unseed(apps, schema_editor):
    apps.get_model("nelinvoimaa", "Page").objects.filter(
        slug__in=[p["slug"] for p in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("nelinvoimaa", "0002_seed_municipalities_and_sectors")]
    operations = [migrations.RunPython(seed, unseed)]
