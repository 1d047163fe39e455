"""Demo passes and registrations of the Smart City Casablanca Symposium 2022.

The passes keep their real 2022 dates (registration from March to 24 May 2022,
23:59 in Casablanca): the demo edition is in the past, so its pages say
"closed", and staff pages, badges and the door have content to show.

The ~40 people are fictional (e-mails at example.org). Their story is played
through the registration services in date order — register, approve, reject,
cancel (which promotes the next in line), transfer, admit at the door — so
places, waiting list and history are exactly what the rules give; each row then
gets its 2022 time. Every registration has a stable key (its submission key),
so a second run finds them all and changes nothing. If the data below changes,
the demo registrations are rebuilt from scratch. E-mails are not sent: the
people do not exist.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Max

from demo.editions.load import DemoDataError
from demo.records import Tr, fictional_people, per_language
from editions.models import Edition
from registration import checkin, services
from registration.models import PassType, Registration, RegistrationEvent, Scan
from registration.services import Attendee

EDITION_SLUG = "scc-2022"
KEY_PREFIX = "demo-2022-"
CASABLANCA = ZoneInfo("Africa/Casablanca")
Status = Registration.Status


def at(moment: str) -> datetime:
    """'2022-03-07 10:15', Casablanca time."""
    return datetime.fromisoformat(moment).replace(tzinfo=CASABLANCA)


OPENS = at("2022-03-01 09:00")
CLOSES = at("2022-05-24 23:59")


class DemoRegistrationError(DemoDataError):
    """The demo story does not end as its data says it should."""


@dataclass(frozen=True)
class DemoPass:
    slug: str
    kind: str
    name: Tr
    description: Tr
    colour: str
    capacity: int
    questions: tuple[str, ...]
    required: tuple[str, ...] = ()
    needs_approval: bool = False
    has_waiting_list: bool = True
    allows_transfer: bool = True
    is_public: bool = True
    opens_at: datetime = OPENS


@dataclass(frozen=True)
class DemoPerson:
    """One registration and what happens to it: `steps` are (moment, verb, detail)
    with verbs approve, reject, cancel, check_in, scan_again, transfer."""

    key: str
    pass_slug: str
    registered: str
    first_name: str
    last_name: str
    language: str = "fr"
    organisation: str = ""
    role: str = ""
    sector: str = ""
    city: str = "Casablanca"
    pivots: tuple[str, ...] = ()
    accessibility: str = ""
    phone: str = ""
    steps: tuple = ()
    expect: str = Status.CONFIRMED

    @property
    def email(self) -> str:
        return f"{self.key}@example.org"


PASSES = (
    DemoPass(
        slug="professionnel",
        kind=PassType.Kind.PROFESSIONAL,
        colour="#135e4b",
        capacity=600,
        name=Tr("Professionnel", "مهني", "Professional"),
        description=Tr(
            "Les deux jours du symposium : plénières, panels et ateliers, le Startup Village "
            "et les rendez-vous B2B de l'Open Innovation Lounge, déjeuners compris. Pour les "
            "élus et agents des collectivités, entreprises, chercheurs et porteurs de projets.",
            "يوما الندوة كاملين: الجلسات العامة والموائد المستديرة والورشات، وقرية المقاولات "
            "الناشئة ولقاءات الأعمال في فضاء الابتكار المفتوح، مع وجبات الغداء. موجهة للمنتخبين "
            "وأطر الجماعات الترابية والمقاولات والباحثين وحاملي المشاريع.",
            "Both days of the symposium: plenaries, panels and workshops, the Startup Village "
            "and the B2B meetings of the Open Innovation Lounge, lunches included. For elected "
            "officials and city staff, companies, researchers and project leaders.",
        ),
        questions=("organisation", "role", "sector", "city", "pivots", "accessibility"),
        required=("organisation", "role"),
    ),
    DemoPass(
        slug="intervenant",
        kind=PassType.Kind.SPEAKER,
        colour="#5b2a86",
        capacity=120,
        is_public=False,
        allows_transfer=False,
        has_waiting_list=False,
        name=Tr("Intervenant", "متدخل", "Speaker"),
        description=Tr(
            "Réservé aux intervenants, modérateurs et artistes du programme, qui reçoivent le "
            "lien de ce formulaire avec leur invitation. Accès à toutes les salles, à l'espace "
            "intervenants et à la régie.",
            "خاص بالمتدخلين والمسيرين والفنانين المشاركين في البرنامج، الذين يتوصلون برابط هذه "
            "الاستمارة مع دعوتهم. الولوج إلى جميع القاعات وفضاء المتدخلين وغرفة التقنيين.",
            "For the programme's speakers, moderators and artists, who receive this form's link "
            "with their invitation. Access to every room, the speakers' lounge and the control "
            "room.",
        ),
        questions=("organisation", "role", "phone", "accessibility"),
        required=("organisation", "phone"),
    ),
    DemoPass(
        slug="presse",
        kind=PassType.Kind.PRESS,
        colour="#9c1c1c",
        capacity=60,
        needs_approval=True,
        allows_transfer=False,
        name=Tr("Presse", "صحافة", "Press"),
        description=Tr(
            "Pour les journalistes et photographes accrédités : espace presse, interviews sur "
            "demande, accès aux plénières. L'équipe de communication valide chaque demande sur "
            "présentation d'une carte de presse ou d'un ordre de mission.",
            "للصحفيين والمصورين المعتمدين: فضاء الصحافة، ومقابلات عند الطلب، وولوج الجلسات "
            "العامة. يصادق فريق التواصل على كل طلب عند الإدلاء ببطاقة الصحافة أو أمر بمهمة.",
            "For accredited journalists and photographers: press room, interviews on request, "
            "access to the plenaries. The communication team approves each request on sight of "
            "a press card or an assignment letter.",
        ),
        questions=("organisation", "role", "phone"),
        required=("organisation", "role"),
    ),
    DemoPass(
        slug="exposant",
        kind=PassType.Kind.EXHIBITOR,
        colour="#8a4b00",
        capacity=150,
        name=Tr("Exposant", "عارض", "Exhibitor"),
        description=Tr(
            "Pour les équipes des stands du hall d'exposition et du Startup Village : accès dès "
            "7 h 30 pour l'installation, badge valable les deux jours.",
            "لفرق أروقة قاعة العرض وقرية المقاولات الناشئة: الولوج ابتداء من السابعة والنصف "
            "صباحا للتجهيز، وشارة صالحة طيلة اليومين.",
            "For the teams of the exhibition hall and Startup Village stands: access from "
            "7:30 am for setting up, badge valid on both days.",
        ),
        questions=("organisation", "role", "sector", "phone"),
        required=("organisation", "phone"),
    ),
    DemoPass(
        slug="citoyen",
        kind=PassType.Kind.PUBLIC,
        colour="#1d5fa8",
        capacity=1000,
        name=Tr("Citoyen", "مواطن", "Citizen"),
        description=Tr(
            "Gratuit, pour les Casablancaises et Casablancais : débats publics, ateliers et "
            "installations de Smart City Connect, et les plénières dans la limite des places. "
            "Venez avec vos idées pour la ville !",
            "مجاني لساكنة الدار البيضاء: النقاشات العمومية وورشات ومنشآت Smart City Connect، "
            "والجلسات العامة في حدود المقاعد المتوفرة. تعالوا بأفكاركم من أجل المدينة!",
            "Free, for the people of Casablanca: public debates, Smart City Connect workshops "
            "and installations, and the plenaries while seats last. Bring your ideas for the "
            "city!",
        ),
        questions=("city", "pivots", "accessibility"),
    ),
    DemoPass(
        # Small on purpose: the one demo pass that is full, with people waiting.
        slug="visite-terrain",
        kind=PassType.Kind.PROFESSIONAL,
        colour="#3d5a1e",
        capacity=8,
        name=Tr(
            "Visite de terrain : low-tech à Derb Ghallef",
            "زيارة ميدانية: التقنيات البسيطة في درب غلف",
            "Field visit: low-tech in Derb Ghallef",
        ),
        description=Tr(
            "Le 26 mai de 15 h à 18 h, un minibus de huit places emmène des participants à "
            "l'atelier de réparation de Derb Ghallef et à la recyclerie de Hay Mohammadi. "
            "Complet ? Inscrivez-vous sur la liste d'attente : une place libérée est attribuée "
            "automatiquement au suivant.",
            "يوم 26 ماي من الثالثة إلى السادسة مساء، تقل حافلة صغيرة من ثمانية مقاعد مشاركين إلى "
            "ورشة الإصلاح بدرب غلف ومركز إعادة التدوير بالحي المحمدي. المقاعد ممتلئة؟ سجلوا في "
            "لائحة الانتظار: كل مقعد يتحرر يمنح تلقائيا للشخص الموالي.",
            "On 26 May from 3 to 6 pm, an eight-seat minibus takes participants to the repair "
            "workshop of Derb Ghallef and the Hay Mohammadi recycling centre. Full? Join the "
            "waiting list: a freed seat goes automatically to the next person.",
        ),
        questions=("organisation", "role", "accessibility", "phone"),
        required=("phone",),
        opens_at=at("2022-03-15 09:00"),
    ),
)

DOOR = "Entrée principale"
DOOR_2 = "Porte 2 (Startup Village)"

PEOPLE = (
    # --- professional ------------------------------------------------------------------------
    DemoPerson(
        "karim.bennis",
        "professionnel",
        "2022-03-02 10:14",
        "Karim",
        "Bennis",
        organisation="Casa Mobilité Conseil",
        role="Ingénieur transports",
        sector="Mobilité",
        pivots=("gouvernance-bottom-up", "transition-ecologique"),
        steps=(("2022-05-25 08:52", "check_in", DOOR),),
    ),
    DemoPerson(
        "salma.tazi",
        "professionnel",
        "2022-03-03 16:40",
        "Salma",
        "Tazi",
        organisation="Atlas Data Lab",
        role="Data scientist",
        sector="Numérique",
        pivots=("gouvernance-bottom-up",),
        steps=(("2022-05-25 08:57", "check_in", DOOR), ("2022-05-25 09:12", "scan_again", DOOR_2)),
    ),
    DemoPerson(
        "youssef.benali",
        "professionnel",
        "2022-03-04 09:05",
        "يوسف",
        "بنعلي",
        language="ar",
        organisation="جمعية درب السلطان للتنمية",
        role="رئيس الجمعية",
        sector="مجتمع مدني",
        pivots=("innovation-communautaire", "entrepreneuriat-social"),
        steps=(("2022-05-25 09:03", "check_in", DOOR),),
    ),
    DemoPerson(
        "claire.dubreuil",
        "professionnel",
        "2022-03-09 11:30",
        "Claire",
        "Dubreuil",
        organisation="Agence française de coopération urbaine (fictive)",
        role="Chargée de projets villes durables",
        sector="Coopération",
        city="Rabat",
        pivots=("transition-ecologique",),
    ),
    DemoPerson(
        "mehdi.alami",
        "professionnel",
        "2022-03-14 14:22",
        "Mehdi",
        "Alami",
        organisation="Anfa Ingénierie",
        role="Directeur technique",
        sector="BTP",
        pivots=("low-tech",),
        steps=(("2022-04-20 18:05", "cancel", ""),),
        expect=Status.CANCELLED,
    ),
    DemoPerson(
        "hajar.idrissi",
        "professionnel",
        "2022-03-21 08:47",
        "Hajar",
        "Idrissi",
        organisation="Université Mohammed VI Polytechnique",
        role="Doctorante en urbanisme",
        sector="Recherche",
        city="Benguerir",
        pivots=("low-tech", "innovation-communautaire"),
        accessibility="Fauteuil roulant",
    ),
    DemoPerson(
        "rachid.ouazzani",
        "professionnel",
        "2022-03-28 17:10",
        "Rachid",
        "Ouazzani",
        organisation="Banque Populaire du Grand Casablanca (fictive)",
        role="Responsable RSE",
        sector="Finance",
        pivots=("entrepreneuriat-social",),
        steps=(
            (
                "2022-05-18 12:30",
                "transfer",
                ("Zineb", "Kettani", "zineb.kettani@example.org", "fr"),
            ),
        ),
    ),
    DemoPerson(
        "amina.chraibi",
        "professionnel",
        "2022-04-06 10:02",
        "Amina",
        "Chraibi",
        organisation="Commune de Casablanca",
        role="Cheffe du service espaces verts",
        sector="Collectivité",
        pivots=("transition-ecologique",),
    ),
    DemoPerson(
        "david.okafor",
        "professionnel",
        "2022-04-12 13:45",
        "David",
        "Okafor",
        language="en",
        organisation="Lagos Urban Futures (fictional)",
        role="Programme lead",
        sector="Think tank",
        city="Lagos",
        pivots=("gouvernance-bottom-up",),
    ),
    DemoPerson(
        "nora.elfassi",
        "professionnel",
        "2022-04-29 09:38",
        "Nora",
        "El Fassi",
        organisation="Tiwizi Recyclage, coopérative",
        role="Co-fondatrice",
        sector="ESS",
        pivots=("entrepreneuriat-social", "low-tech"),
        steps=(("2022-05-23 21:15", "cancel", ""),),
        expect=Status.CANCELLED,
    ),
    DemoPerson(
        "omar.lahlou",
        "professionnel",
        "2022-05-10 15:20",
        "Omar",
        "Lahlou",
        organisation="OCP Solutions (fictive)",
        role="Chef de projet innovation",
        sector="Industrie",
        pivots=("innovation-communautaire",),
    ),
    DemoPerson(
        "fatima.zahra.amrani",
        "professionnel",
        "2022-05-22 20:11",
        "فاطمة الزهراء",
        "العمراني",
        language="ar",
        organisation="الوكالة الحضرية للدار البيضاء (وهمية)",
        role="مهندسة معمارية",
        sector="تعمير",
        pivots=("gouvernance-bottom-up",),
    ),
    # --- speakers (their names are the demo programme's) ----------------------------------------
    DemoPerson(
        "sanae.elouafi",
        "intervenant",
        "2022-03-08 09:30",
        "Sanae",
        "El Ouafi",
        organisation="Université Hassan II de Casablanca",
        role="Professeure",
        phone="+212 600 000 101",
        steps=(("2022-05-25 08:31", "check_in", DOOR),),
    ),
    DemoPerson(
        "yassine.cherkaoui",
        "intervenant",
        "2022-03-10 12:00",
        "Yassine",
        "Cherkaoui",
        organisation="Collectif Casa Open Data",
        role="Coordinateur",
        phone="+212 600 000 102",
        steps=(("2022-05-25 08:40", "check_in", DOOR),),
    ),
    DemoPerson(
        "anjali.raman",
        "intervenant",
        "2022-03-17 07:15",
        "Anjali",
        "Raman",
        language="en",
        organisation="Jugaad Research Centre",
        role="Researcher",
        city="Bangalore",
        phone="+91 90000 00103",
    ),
    DemoPerson(
        "mounia.chafik",
        "intervenant",
        "2022-04-02 18:20",
        "Mounia",
        "Chafik",
        organisation="Association Hay Mohammadi Verte",
        role="Présidente",
        phone="+212 600 000 104",
        accessibility="Interprète en langue des signes pour le public",
    ),
    DemoPerson(
        "sofia.ramirez",
        "intervenant",
        "2022-04-15 16:05",
        "Sofia",
        "Ramírez Ortega",
        language="en",
        organisation="Laboratorio de Gobernanza Participativa",
        role="Consultante",
        city="Medellín",
        phone="+57 300 000 0105",
    ),
    # --- press (approval needed) ---------------------------------------------------------------
    DemoPerson(
        "khadija.soussi",
        "presse",
        "2022-03-22 11:11",
        "خديجة",
        "السوسي",
        language="ar",
        organisation="جريدة الدار البيضاء اليوم (وهمية)",
        role="صحفية",
        phone="+212 600 000 201",
        steps=(("2022-03-23 10:00", "approve", ""), ("2022-05-25 09:20", "check_in", DOOR)),
    ),
    DemoPerson(
        "julien.marchal",
        "presse",
        "2022-04-04 15:48",
        "Julien",
        "Marchal",
        organisation="Le Quotidien des Villes (fictif)",
        role="Photographe",
        phone="+33 6 00 00 02 02",
        steps=(("2022-04-05 09:30", "approve", ""),),
    ),
    DemoPerson(
        "ayoub.filali",
        "presse",
        "2022-04-26 19:02",
        "Ayoub",
        "Filali",
        organisation="Blog Casa Demain",
        role="Blogueur",
        phone="+212 600 000 203",
        steps=(("2022-04-28 11:00", "reject", "Pas de carte de presse ni d'ordre de mission."),),
        expect=Status.REJECTED,
    ),
    DemoPerson(
        "ines.bouzid",
        "presse",
        "2022-05-19 08:25",
        "Inès",
        "Bouzid",
        organisation="Radio Bidaoui (fictive)",
        role="Journaliste",
        phone="+212 600 000 204",
        expect=Status.PENDING,
    ),
    DemoPerson(
        "samir.naciri",
        "presse",
        "2022-05-23 22:40",
        "Samir",
        "Naciri",
        organisation="Agence Maghreb Images (fictive)",
        role="Vidéaste",
        phone="+212 600 000 205",
        expect=Status.PENDING,
    ),
    # --- exhibitors ------------------------------------------------------------------------------
    DemoPerson(
        "hamza.berrada",
        "exposant",
        "2022-03-11 10:40",
        "Hamza",
        "Berrada",
        organisation="SolarBox Maroc (fictive)",
        role="Fondateur",
        sector="Énergie",
        phone="+212 600 000 301",
        steps=(("2022-05-25 07:45", "check_in", DOOR_2),),
    ),
    DemoPerson(
        "meryem.tahiri",
        "exposant",
        "2022-03-25 14:55",
        "Meryem",
        "Tahiri",
        organisation="SolarBox Maroc (fictive)",
        role="Responsable commerciale",
        sector="Énergie",
        phone="+212 600 000 302",
    ),
    DemoPerson(
        "reda.benjelloun",
        "exposant",
        "2022-04-19 09:12",
        "Reda",
        "Benjelloun",
        organisation="Plastilab",
        role="Ingénieur",
        sector="Recyclage",
        phone="+212 600 000 303",
    ),
    DemoPerson(
        "lina.mansouri",
        "exposant",
        "2022-05-06 17:33",
        "Lina",
        "Mansouri",
        organisation="Coopérative Tiwizi Recyclage",
        role="Animatrice de stand",
        sector="ESS",
        phone="+212 600 000 304",
    ),
    # --- citizens ---------------------------------------------------------------------------------
    DemoPerson(
        "abdellah.harrak",
        "citoyen",
        "2022-04-01 20:10",
        "Abdellah",
        "Harrak",
        city="Casablanca",
        pivots=("innovation-communautaire",),
        steps=(("2022-05-26 10:05", "check_in", DOOR),),
    ),
    DemoPerson(
        "zahra.oukili",
        "citoyen",
        "2022-04-08 12:31",
        "زهرة",
        "أوكيلي",
        language="ar",
        city="الدار البيضاء",
        pivots=("transition-ecologique",),
    ),
    DemoPerson(
        "ilyas.moumen",
        "citoyen",
        "2022-05-02 18:45",
        "Ilyas",
        "Moumen",
        city="Mohammedia",
        pivots=("low-tech",),
        accessibility="Malvoyant : documents en gros caractères",
    ),
    DemoPerson(
        "sara.elkhalfi",
        "citoyen",
        "2022-05-14 09:09",
        "Sara",
        "El Khalfi",
        pivots=("gouvernance-bottom-up", "entrepreneuriat-social"),
        steps=(("2022-05-24 13:40", "cancel", ""),),
        expect=Status.CANCELLED,
    ),
    DemoPerson(
        "brahim.ait.said",
        "citoyen",
        "2022-05-21 16:16",
        "Brahim",
        "Aït Saïd",
        city="Casablanca",
    ),
    # --- the field visit: eight seats, full, a waiting list that moves --------------------------
    *(
        DemoPerson(
            key,
            "visite-terrain",
            moment,
            first,
            last,
            organisation=organisation,
            phone=f"+212 600 000 4{n:02d}",
            steps=steps,
            expect=expect,
        )
        for n, (key, moment, first, last, organisation, steps, expect) in enumerate(
            (
                (
                    "anas.kabbaj",
                    "2022-03-15 09:02",
                    "Anas",
                    "Kabbaj",
                    "Atlas Data Lab",
                    (),
                    Status.CONFIRMED,
                ),
                (
                    "leila.benkirane",
                    "2022-03-15 09:10",
                    "Leila",
                    "Benkirane",
                    "Commune de Casablanca",
                    (),
                    Status.CONFIRMED,
                ),
                (
                    "hugo.lefevre",
                    "2022-03-15 11:45",
                    "Hugo",
                    "Lefèvre",
                    "Ville de Lyon (fictive)",
                    (("2022-05-12 08:30", "cancel", ""),),
                    Status.CANCELLED,
                ),
                (
                    "kenza.squalli",
                    "2022-03-16 08:20",
                    "Kenza",
                    "Squalli",
                    "Anfa Ingénierie",
                    (),
                    Status.CONFIRMED,
                ),
                (
                    "tarik.elmansour",
                    "2022-03-18 13:00",
                    "Tarik",
                    "El Mansour",
                    "Plastilab",
                    (("2022-05-26 14:50", "check_in", DOOR),),
                    Status.CONFIRMED,
                ),
                (
                    "nadia.kadiri",
                    "2022-03-22 10:30",
                    "Nadia",
                    "Kadiri",
                    "Casa Mobilité Conseil",
                    (),
                    Status.CONFIRMED,
                ),
                (
                    "walid.benhima",
                    "2022-03-30 15:15",
                    "Walid",
                    "Benhima",
                    "Université Hassan II",
                    (),
                    Status.CONFIRMED,
                ),
                (
                    "asmae.lazrak",
                    "2022-04-07 19:40",
                    "Asmae",
                    "Lazrak",
                    "Tiwizi Recyclage",
                    (),
                    Status.CONFIRMED,
                ),
                # The ninth arrives when the bus is full: waiting, then Hugo's seat is hers.
                (
                    "soukaina.elidrissi",
                    "2022-04-14 12:05",
                    "Soukaina",
                    "El Idrissi",
                    "UM6P",
                    (),
                    Status.CONFIRMED,
                ),
                (
                    "marc.antoine.roux",
                    "2022-04-21 09:55",
                    "Marc-Antoine",
                    "Roux",
                    "Partenaires Publics Conseil",
                    (),
                    Status.WAITLISTED,
                ),
                (
                    "hind.bakkali",
                    "2022-05-03 17:25",
                    "Hind",
                    "Bakkali",
                    "Collectif Casa Open Data",
                    (),
                    Status.WAITLISTED,
                ),
            )
        )
    ),
)


# --- writing it --------------------------------------------------------------------------------


def load_demo_registrations() -> None:
    """Write the demo passes, and the demo registrations unless they are already there."""
    edition = Edition.objects.get(slug=EDITION_SLUG)
    with fictional_people():
        passes = {record.slug: save_pass(edition, record) for record in PASSES}
        wanted = {KEY_PREFIX + person.key for person in PEOPLE}
        if set(demo_registrations(edition).values_list("submission_key", flat=True)) == wanted:
            return
        clear_demo_registrations(edition)
        play(edition, passes)
        check_outcome(edition)


def save_pass(edition: Edition, record: DemoPass) -> PassType:
    pass_type, _created = PassType.objects.update_or_create(
        edition=edition,
        slug=record.slug,
        defaults={
            "kind": record.kind,
            "position": PASSES.index(record),
            **per_language("name", record.name),
            **per_language("description", record.description),
            "colour": record.colour,
            "capacity": record.capacity,
            "opens_at": record.opens_at,
            "closes_at": CLOSES,
            "needs_approval": record.needs_approval,
            "has_waiting_list": record.has_waiting_list,
            "allows_transfer": record.allows_transfer,
            "questions": list(record.questions),
            "required_questions": list(record.required),
            "is_public": record.is_public,
        },  # an unlisted pass keeps the random invitation link its creation drew
    )
    return pass_type


def demo_registrations(edition: Edition):
    return Registration.objects.filter(edition=edition, submission_key__startswith=KEY_PREFIX)


def clear_demo_registrations(edition: Edition) -> None:
    """Remove an earlier version of the demo story (check-ins, scans, history go with
    it), then give each pass back exactly the places its remaining registrations hold."""
    Scan.objects.filter(edition=edition, nonce__startswith=KEY_PREFIX).delete()
    demo_registrations(edition).delete()
    for pass_type in edition.pass_types.all():
        holding = pass_type.registrations.holding_a_place().count()
        if pass_type.held != holding:
            PassType.objects.filter(pk=pass_type.pk).update(held=holding)


def timeline() -> list[tuple[datetime, int, str, DemoPerson, object]]:
    """Every registration and every later step, in the order they happened."""
    moments = []
    for order, person in enumerate(PEOPLE):
        moments.append((at(person.registered), order, "register", person, None))
        for moment, verb, detail in person.steps:
            moments.append((at(moment), order, verb, person, detail))
    return sorted(moments, key=lambda moment: moment[:2])


def play(edition: Edition, passes: dict[str, PassType]) -> None:
    pivots = {pivot.slug: pivot for pivot in edition.pivots.all()}
    for moment, _order, verb, person, detail in timeline():
        last_event = RegistrationEvent.objects.aggregate(last=Max("id"))["last"] or 0
        if verb == "register":
            registration = register(passes[person.pass_slug], person, pivots, moment)
            registration.consents.update(given_at=moment)
            Registration.objects.filter(pk=registration.pk).update(created_at=moment)
        else:
            act(edition, verb, find(person), detail, moment)
        stamp_events_after(last_event, moment)


def register(pass_type: PassType, person: DemoPerson, pivots: dict, moment) -> Registration:
    attendee = Attendee(
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        language=person.language,
        organisation=person.organisation,
        role=person.role,
        sector=person.sector,
        city=person.city,
        accessibility_needs=person.accessibility,
        phone=person.phone,
        pivots=[pivots[slug] for slug in person.pivots],
    )
    registration, _created = services.register(
        pass_type, attendee=attendee, submission_key=KEY_PREFIX + person.key, now=moment
    )
    return registration


def find(person: DemoPerson) -> Registration:
    return Registration.objects.get(submission_key=KEY_PREFIX + person.key)


def act(edition: Edition, verb: str, registration: Registration, detail, moment) -> None:
    if verb == "approve":
        services.approve(registration, by=None)
    elif verb == "reject":
        services.reject(registration, by=None, reason=detail)
    elif verb == "cancel":
        services.cancel(registration)
    elif verb == "transfer":
        first_name, last_name, email, language = detail
        services.transfer(
            registration,
            first_name=first_name,
            last_name=last_name,
            email=email,
            language=language,
        )
        # A transfer drops the old holder's form key; the demo keeps knowing the ticket
        # by its demo key, which no form can send (a form's key has no dot).
        Registration.objects.filter(pk=registration.pk).update(
            submission_key=registration.submission_key
        )
    elif verb in ("check_in", "scan_again"):
        nonce = f"{KEY_PREFIX}{registration.submission_key[len(KEY_PREFIX) :]}-{verb}"
        result = checkin.check_in(
            registration.secret, edition=edition, gate=detail, nonce=nonce, at=moment
        )
        admitted = checkin.Result.ADMITTED
        expected = admitted if verb == "check_in" else checkin.Result.ALREADY_ADMITTED
        if result.code != expected:
            raise DemoRegistrationError(f"{registration.email} at the door: {result.code}")
    else:
        raise DemoRegistrationError(f"Unknown step {verb!r} for {registration.email}.")


def stamp_events_after(last_event: int, moment: datetime) -> None:
    """The history written by the last step happened at `moment`, in 2022."""
    events = RegistrationEvent.objects.filter(id__gt=last_event)
    touched = set(events.values_list("registration_id", flat=True))
    events.update(at=moment)
    Registration.objects.filter(pk__in=touched).update(updated_at=moment)


def check_outcome(edition: Edition) -> None:
    statuses = dict(demo_registrations(edition).values_list("submission_key", "status"))
    wrong = [
        f"{person.key}: {statuses.get(KEY_PREFIX + person.key)} instead of {person.expect}"
        for person in PEOPLE
        if statuses.get(KEY_PREFIX + person.key) != person.expect
    ]
    if wrong:
        raise DemoRegistrationError("The demo registrations end wrong: " + "; ".join(wrong))
