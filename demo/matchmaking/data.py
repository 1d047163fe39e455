"""The demo Open Innovation Lounge of 2022: tables, slots, participants, challenges, requests.

Everyone is fictional. The startups are the demo village's selected ones
(demo/startups/data.py); the companies and institutions are people with a
confirmed pass in the demo registrations (same e-mails at example.org), as the
lounge asks. Sanae El Ouafi speaks in the programme: her speaker entry gets
her e-mail, so the sessions she speaks in block her lounge slots.
"""

from dataclasses import dataclass

from demo.records import Tr

NAME = Tr("Open Innovation Lounge", "فضاء الابتكار المفتوح", "Open Innovation Lounge")
DESCRIPTION = Tr(
    "Le salon où les startups du Village rencontrent les entreprises et les institutions pour "
    "construire des solutions B2B : des rendez-vous de 20 minutes, à une table numérotée, "
    "planifiés à partir des demandes acceptées de part et d'autre.",
    "الفضاء الذي تلتقي فيه المقاولات الناشئة بالمقاولات والمؤسسات لبناء حلول بين المقاولات: "
    "مواعيد من 20 دقيقة على طاولة مرقمة، تبرمج انطلاقا من الطلبات المقبولة من الطرفين.",
    "Where the Village's startups meet companies and institutions to build B2B solutions: "
    "20-minute meetings at a numbered table, planned from the requests both sides accepted.",
)
TABLES = 8
# (day, opens, closes): the lounge closes during the opening plenary and lunch.
OPENING_HOURS = (
    ("2022-05-25", "11:00", "12:40"),
    ("2022-05-25", "14:40", "17:20"),
    ("2022-05-26", "10:00", "12:40"),
    ("2022-05-26", "14:00", "16:00"),
)
# Table 8 is kept for the organiser's own meetings on the second afternoon.
TABLE_CLOSED = ((8, "2022-05-26", "14:00", "16:00"),)
SPEAKER_EMAILS = {"Sanae El Ouafi": "sanae.elouafi@example.org"}


@dataclass(frozen=True)
class DemoProfile:
    key: str  # e-mail key@example.org: a selected applicant or a confirmed registration
    kind: str
    organisation: str
    display_name: str
    summary: str
    offers: str = ""
    seeking: str = ""
    sectors: tuple[str, ...] = ()
    pivots: tuple[str, ...] = ()
    language: str = "fr"
    max_meetings: int = 6
    # Slots they declared they cannot meet in: (day, "HH:MM") of each slot's start.
    blocked: tuple[tuple[str, str], ...] = ()

    @property
    def email(self) -> str:
        return f"{self.key}@example.org"


# Startups: their summary and seeking come from their application.
STARTUPS = (
    "hamza.berrada",
    "reda.benjelloun",
    "lina.mansouri",
    "sara.elkhatib",
    "othmane.rifai",
    "ines.haddad",
    "karima.ait.ali",
    "adam.seddiki",
    "grace.mensah",
    "yasmine.lazrak",
)

PARTNERS = (
    DemoProfile(
        "zineb.kettani",
        "corporate",
        "Banque Populaire du Grand Casablanca (fictive)",
        "Zineb Kettani",
        "La direction RSE finance les projets d'économie sociale et solidaire de la région.",
        offers="Microcrédit, comptes pour coopératives, mécénat de compétences.",
        seeking="Des coopératives et entreprises sociales prêtes à grandir.",
        sectors=("finance", "waste"),
        pivots=("entrepreneuriat-social",),
        max_meetings=8,
    ),
    DemoProfile(
        "omar.lahlou",
        "corporate",
        "OCP Solutions (fictive)",
        "Omar Lahlou",
        "Le programme d'innovation ouverte cherche des solutions sobres pour l'eau et les sols.",
        offers="Pilotes sur sites, accompagnement technique, achats.",
        seeking="Capteurs à bas coût, réemploi de l'eau, agriculture urbaine.",
        sectors=("water", "agriculture"),
        pivots=("low-tech", "innovation-communautaire"),
        blocked=(("2022-05-25", "11:00"), ("2022-05-25", "11:20")),
    ),
    DemoProfile(
        "karim.bennis",
        "corporate",
        "Casa Mobilité Conseil",
        "Karim Bennis",
        "Bureau d'études en mobilité urbaine au service des communes.",
        offers="Études d'usage, mise en relation avec les exploitants de transport.",
        seeking="Mobilité douce et logistique du dernier kilomètre.",
        sectors=("mobility", "data"),
        pivots=("transition-ecologique",),
    ),
    DemoProfile(
        "salma.tazi",
        "corporate",
        "Atlas Data Lab",
        "Salma Tazi",
        "Laboratoire de données qui publie des tableaux de bord ouverts pour les villes.",
        offers="Hébergement de données ouvertes, visualisation.",
        seeking="Capteurs citoyens et données de quartier.",
        sectors=("data", "governance"),
        pivots=("gouvernance-bottom-up",),
    ),
    DemoProfile(
        "amina.chraibi",
        "institution",
        "Commune de Casablanca",
        "Amina Chraibi",
        "Le service des espaces verts de la commune.",
        offers="Terrains et toits pour des pilotes, commande publique.",
        seeking="Végétalisation, compostage, mobilier urbain recyclé.",
        sectors=("agriculture", "waste", "buildings"),
        pivots=("transition-ecologique",),
        max_meetings=8,
    ),
    DemoProfile(
        "fatima.zahra.amrani",
        "institution",
        "الوكالة الحضرية للدار البيضاء (وهمية)",
        "فاطمة الزهراء العمراني",
        "الوكالة المكلفة بتخطيط التعمير في الدار البيضاء الكبرى.",
        offers="مواكبة المشاريع التشاركية ومعطيات التعمير.",
        seeking="حلول لإشراك السكان في تصميم الفضاءات العامة وتجديد السكن القديم.",
        sectors=("buildings", "governance"),
        pivots=("gouvernance-bottom-up",),
        language="ar",
    ),
    DemoProfile(
        "claire.dubreuil",
        "institution",
        "Agence française de coopération urbaine (fictive)",
        "Claire Dubreuil",
        "Agence de coopération qui finance des projets de villes durables en Afrique du Nord.",
        offers="Subventions d'amorçage, réseau de villes partenaires.",
        seeking="Projets communautaires reproductibles dans d'autres villes.",
        sectors=("buildings", "education"),
        pivots=("innovation-communautaire",),
    ),
    DemoProfile(
        "sanae.elouafi",
        "institution",
        "Université Hassan II de Casablanca",
        "Sanae El Ouafi",
        "Laboratoire de recherche sur la ville et l'innovation sociale.",
        offers="Évaluation scientifique de pilotes, stagiaires.",
        seeking="Projets à évaluer avec les habitants.",
        sectors=("education", "governance"),
        pivots=("innovation-communautaire",),
    ),
)


@dataclass(frozen=True)
class DemoChallenge:
    key: str
    title: str
    description: str
    keywords: str
    pivot: str


CHALLENGES = (
    DemoChallenge(
        "zineb.kettani",
        "Financer l'économie circulaire de quartier",
        "Nous voulons accompagner dix coopératives de tri et de réemploi : quels outils de "
        "suivi simples leur permettraient d'accéder au crédit ?",
        "coopérative, recyclage, réemploi, microcrédit",
        "entrepreneuriat-social",
    ),
    DemoChallenge(
        "omar.lahlou",
        "Repérer les fuites d'eau à bas coût",
        "Sur nos sites et dans les quartiers voisins, nous cherchons des capteurs sobres, "
        "réparables localement, pour détecter les fuites et mesurer la consommation d'eau.",
        "eau, fuites, capteurs, compteurs",
        "low-tech",
    ),
    DemoChallenge(
        "karim.bennis",
        "Livrer la médina sans camionnette",
        "Comment livrer les commerces de l'ancienne médina avec des véhicules légers et "
        "partagés, sans bruit ni pollution ?",
        "mobilité douce, livraison, vélo, triporteur",
        "transition-ecologique",
    ),
    DemoChallenge(
        "amina.chraibi",
        "Végétaliser toits et cours d'immeubles",
        "La commune met à disposition des toits et des cours : nous cherchons des porteurs de "
        "projets de jardins partagés, de compost et de récupération d'eau de pluie.",
        "toits, jardins, compost, eau de pluie, permaculture",
        "transition-ecologique",
    ),
    DemoChallenge(
        "fatima.zahra.amrani",
        "إشراك السكان في تصميم الفضاءات العامة",
        "نبحث عن أدوات بسيطة تمكن سكان الأحياء من اقتراح وتقييم تهيئة الساحات والحدائق، "
        "بما في ذلك من لا يستعمل الإنترنت.",
        "مشاركة، فضاءات عامة، أحياء، سكان",
        "gouvernance-bottom-up",
    ),
    DemoChallenge(
        "salma.tazi",
        "Des données ouvertes sur la qualité de l'air",
        "Nous publions un tableau de bord ouvert : il nous manque des mesures de quartier, "
        "fiables et documentées, prises par les habitants.",
        "air, capteurs, données ouvertes, écoles",
        "gouvernance-bottom-up",
    ),
)


@dataclass(frozen=True)
class DemoRequest:
    requester: str
    target: str
    status: str  # pending, accepted, declined, expired, cancelled
    priority: int = 2
    target_priority: int | None = None
    mutual: bool = False
    message: str = ""
    challenge: bool = False  # answers the target's challenge


def r(requester, target, status="accepted", priority=2, target_priority=2, **extra):
    return DemoRequest(requester, target, status, priority, target_priority, **extra)


REQUESTS = (
    r(
        "adam.seddiki",
        "omar.lahlou",
        priority=3,
        target_priority=3,
        mutual=True,
        challenge=True,
        message="Nos compteurs optiques repèrent les fuites dans les immeubles anciens.",
    ),
    r(
        "reda.benjelloun",
        "amina.chraibi",
        priority=3,
        target_priority=3,
        mutual=True,
        challenge=True,
        message="Nous fabriquons des bancs en plastique recyclé pour les squares.",
    ),
    r(
        "lina.mansouri",
        "zineb.kettani",
        priority=3,
        target_priority=3,
        mutual=True,
        challenge=True,
        message="Notre coopérative compte 14 membres et cherche à s'équiper.",
    ),
    r(
        "sara.elkhatib",
        "karim.bennis",
        priority=3,
        target_priority=3,
        challenge=True,
        message="Nos triporteurs livrent déjà douze commerces de la médina.",
    ),
    r(
        "othmane.rifai",
        "amina.chraibi",
        priority=3,
        target_priority=2,
        challenge=True,
        message="نزرع أسطح الحي المحمدي ونجمع ماء المطر.",
    ),
    r(
        "ines.haddad",
        "salma.tazi",
        priority=3,
        target_priority=3,
        mutual=True,
        challenge=True,
        message="Nos capteurs libres publient déjà des mesures dans trois écoles.",
    ),
    r("ines.haddad", "fatima.zahra.amrani", priority=2, target_priority=2),
    r(
        "karima.ait.ali",
        "zineb.kettani",
        priority=2,
        target_priority=2,
        message="Nous reconditionnons le matériel informatique réformé des entreprises.",
    ),
    r(
        "grace.mensah",
        "claire.dubreuil",
        priority=3,
        target_priority=2,
        message="Our offline learning boxes could travel to your partner cities.",
    ),
    r("grace.mensah", "sanae.elouafi", priority=2, target_priority=3, mutual=True),
    r(
        "yasmine.lazrak",
        "fatima.zahra.amrani",
        priority=3,
        target_priority=3,
        challenge=True,
        message="Les habitants rénovent eux-mêmes les cours communes.",
    ),
    r("yasmine.lazrak", "claire.dubreuil", priority=2, target_priority=2),
    r(
        "hamza.berrada",
        "amina.chraibi",
        priority=2,
        target_priority=2,
        message="Nos kiosques solaires éclairent aussi les marchés la nuit.",
    ),
    r("hamza.berrada", "karim.bennis", priority=2, target_priority=1),
    r("zineb.kettani", "othmane.rifai", priority=2, target_priority=3),
    r("omar.lahlou", "othmane.rifai", priority=3, target_priority=3, mutual=True),
    r("claire.dubreuil", "lina.mansouri", priority=2, target_priority=2),
    r("sanae.elouafi", "reda.benjelloun", priority=2, target_priority=2),
    r("salma.tazi", "adam.seddiki", priority=1, target_priority=2),
    r("salma.tazi", "yasmine.lazrak", "declined", priority=1, target_priority=None),
    r("adam.seddiki", "amina.chraibi", "pending", priority=2, target_priority=None),
    r("reda.benjelloun", "zineb.kettani", "pending", priority=1, target_priority=None),
    r("sara.elkhatib", "fatima.zahra.amrani", "expired", priority=1, target_priority=None),
    r("karima.ait.ali", "sanae.elouafi", "cancelled", priority=1, target_priority=None),
)

# What each side said afterwards, for some meetings: (requester, target) →
# ((took place, follow-up) of the requester, (…) of the target); None = not answered.
FEEDBACK = {
    ("adam.seddiki", "omar.lahlou"): ((True, "pilot"), (True, "pilot")),
    ("reda.benjelloun", "amina.chraibi"): ((True, "contract"), (True, "contract")),
    ("lina.mansouri", "zineb.kettani"): ((True, "investment"), (True, "talks")),
    ("sara.elkhatib", "karim.bennis"): ((True, "talks"), None),
    ("ines.haddad", "salma.tazi"): ((True, "partnership"), (True, "partnership")),
    ("grace.mensah", "claire.dubreuil"): ((False, "none"), (False, "none")),
    ("hamza.berrada", "amina.chraibi"): ((True, "pilot"), (True, "talks")),
}
