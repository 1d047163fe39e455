"""The demo Startup Village of 2022: its call, criteria, jurors and applications.

Every startup, person and score here is fictional (e-mails at example.org),
written from the themes of the seed: tech startups, cooperatives, social
enterprises and micro-enterprises working on the smart city — recycling,
re-use, permaculture, soft mobility, open-source hardware, water and energy.
Some applicants are the exhibitors of the demo registrations (same e-mails),
so their accounts see both their pass and their application.
"""

from dataclasses import dataclass

from demo.records import Tr

CALL_TITLE = Tr("Village Startup", "قرية المقاولات الناشئة", "Startup Village")
CALL_INTRODUCTION = Tr(
    "Le Village Startup accueille les jeunes entrepreneurs de la ville intelligente : tech "
    "startups, coopératives, entreprises sociales et micro-entreprises. Les projets retenus "
    "par le jury exposent deux jours au Hyatt Regency et rencontrent les entreprises et les "
    "institutions à l'Open Innovation Lounge.",
    "تستقبل قرية المقاولات الناشئة رواد أعمال المدينة الذكية: مقاولات تكنولوجية ناشئة "
    "وتعاونيات ومقاولات اجتماعية ومقاولات صغيرة جدا. تعرض المشاريع التي تختارها لجنة التحكيم "
    "لمدة يومين بفندق حياة ريجنسي وتلتقي بالمقاولات والمؤسسات في فضاء الابتكار المفتوح.",
    "The Startup Village welcomes the smart city's young entrepreneurs: tech startups, "
    "cooperatives, social enterprises and micro-enterprises. The projects the jury selects "
    "exhibit for two days at the Hyatt Regency and meet companies and institutions in the "
    "Open Innovation Lounge.",
)
OPENS = "2022-02-14 09:00"
CLOSES = "2022-04-15 23:59"


@dataclass(frozen=True)
class DemoCriterion:
    name: Tr
    description: Tr
    weight: int


CRITERIA = (
    DemoCriterion(
        Tr(
            "Impact pour la ville et ses habitants",
            "الأثر على المدينة وسكانها",
            "Impact on the city and its people",
        ),
        Tr(
            "Le projet répond-il à un besoin réel des Casablancais, à l'échelle d'un quartier ?",
            "هل يستجيب المشروع لحاجة حقيقية لسكان الدار البيضاء على مستوى الحي؟",
            "Does the project meet a real need of Casablanca's people, at neighbourhood scale?",
        ),
        3,
    ),
    DemoCriterion(
        Tr(
            "Sobriété et durabilité (low-tech)",
            "الاقتصاد في الموارد والاستدامة",
            "Frugality and sustainability (low-tech)",
        ),
        Tr(
            "Peu de ressources, réparable, ouvert, à faible empreinte environnementale.",
            "موارد قليلة، قابل للإصلاح، مفتوح، وببصمة بيئية ضعيفة.",
            "Few resources, repairable, open, with a small environmental footprint.",
        ),
        2,
    ),
    DemoCriterion(
        Tr("Maturité et faisabilité", "النضج وقابلية التنفيذ", "Maturity and feasibility"),
        Tr(
            "Prototype, premiers clients, modèle économique crédible.",
            "نموذج أولي، زبناء أوائل، نموذج اقتصادي ذو مصداقية.",
            "Prototype, first customers, a credible business model.",
        ),
        2,
    ),
    DemoCriterion(
        Tr("Équipe", "الفريق", "Team"),
        Tr(
            "Compétences réunies et ancrage local.",
            "تكامل الكفاءات والتجذر المحلي.",
            "Complementary skills and local roots.",
        ),
        1,
    ),
    DemoCriterion(
        Tr(
            "Potentiel de collaboration B2B",
            "إمكانات التعاون بين المقاولات",
            "Potential for B2B collaboration",
        ),
        Tr(
            "Une entreprise ou une institution peut-elle en faire un pilote dès cette année ?",
            "هل يمكن لمقاولة أو مؤسسة أن تجعل منه مشروعا نموذجيا هذه السنة؟",
            "Could a company or an institution run a pilot with it this year?",
        ),
        2,
    ),
)


@dataclass(frozen=True)
class DemoJuror:
    key: str
    first_name: str
    last_name: str
    language: str = "fr"

    @property
    def email(self) -> str:
        return f"{self.key}@example.org"


JURORS = (
    DemoJuror("jury.laila.bennani", "Laïla", "Bennani"),
    DemoJuror("jury.driss.amrani", "إدريس", "العمراني", language="ar"),
    DemoJuror("jury.helen.carter", "Helen", "Carter", language="en"),
)


@dataclass(frozen=True)
class DemoApplication:
    key: str  # the applicant's e-mail is key@example.org; the slug derives from it
    name: str
    structure: str
    pivot: str
    sector: str
    stage: str
    team_size: int
    city: str
    pitch: str
    seeking: str
    contact: str
    submitted: str
    status: str = "selected"
    language: str = "fr"
    website: str = ""
    open_source: bool = False
    low_tech: bool = False
    booth: str = ""
    decided: str = "2022-04-28 17:00"
    # One score list per juror (criteria in order); None = that juror declared a conflict.
    scores: tuple = ()
    message: str = ""

    @property
    def email(self) -> str:
        return f"{self.key}@example.org"


def s(*values):
    return tuple(values)


APPLICATIONS = (
    DemoApplication(
        "hamza.berrada",
        "SolarBox Maroc (fictive)",
        "tech_startup",
        "transition-ecologique",
        "energy",
        "first_customers",
        6,
        "Casablanca",
        "Des kiosques solaires démontables pour recharger téléphones et vélos électriques dans "
        "les marchés et les gares routières. Chaque kiosque se répare avec des pièces locales "
        "et alimente aussi l'éclairage public du marché la nuit.",
        "Des emplacements pilotes avec une commune ou un gestionnaire de gares, et un "
        "partenaire pour l'entretien.",
        "Hamza Berrada",
        "2022-03-01 11:20",
        low_tech=True,
        booth="V01",
        scores=(s(4, 4, 4, 4, 5), s(5, 4, 4, 3, 5), s(4, 3, 4, 4, 4)),
    ),
    DemoApplication(
        "reda.benjelloun",
        "Plastilab",
        "micro_enterprise",
        "low-tech",
        "waste",
        "prototype",
        3,
        "Casablanca",
        "Un atelier de quartier qui broie les bouchons et les bidons en plastique et les "
        "moule en pavés, bancs et jeux pour enfants. Les plans des machines sont publiés sous "
        "licence libre pour que d'autres quartiers les fabriquent.",
        "Un contrat de collecte avec un syndic ou une commune, et l'achat de mobilier urbain "
        "recyclé pour un square.",
        "Reda Benjelloun",
        "2022-03-05 18:02",
        open_source=True,
        low_tech=True,
        booth="V02",
        website="https://plastilab.example.org",
        scores=(s(5, 5, 3, 4, 4), s(4, 5, 3, 3, 4), s(5, 5, 3, 4, 5)),
    ),
    DemoApplication(
        "lina.mansouri",
        "Coopérative Tiwizi Recyclage",
        "cooperative",
        "entrepreneuriat-social",
        "waste",
        "growth",
        14,
        "Casablanca",
        "Une coopérative de récupératrices et récupérateurs qui trie les déchets de trois "
        "arrondissements, sort les travailleurs de l'informel et vend les matières triées aux "
        "recycleurs. Chaque membre a une couverture sociale.",
        "Des contrats de tri avec des entreprises et des administrations, et du matériel de "
        "pesée connecté simple.",
        "Lina Mansouri",
        "2022-03-09 10:45",
        low_tech=True,
        booth="V03",
        scores=(s(5, 4, 5, 4, 4), s(5, 4, 5, 5, 4), s(4, 4, 5, 4, 4)),
    ),
    DemoApplication(
        "sara.elkhatib",
        "Ma3ak Mobilité",
        "social_enterprise",
        "transition-ecologique",
        "mobility",
        "prototype",
        5,
        "Casablanca",
        "Des triporteurs électriques partagés pour les commerçants de l'ancienne médina, "
        "réservés par SMS, avec une carte libre des rues praticables. La médina se livre sans "
        "camionnette.",
        "Un pilote avec une société de transport urbain et des emplacements de recharge.",
        "Sara El Khatib",
        "2022-03-12 09:30",
        open_source=True,
        booth="V04",
        scores=(s(4, 4, 3, 4, 4), s(4, 4, 3, 3, 4), s(4, 3, 3, 4, 3)),
    ),
    DemoApplication(
        "othmane.rifai",
        "نبتة — زراعة حضرية",
        "cooperative",
        "innovation-communautaire",
        "agriculture",
        "first_customers",
        8,
        "الدار البيضاء",
        "تعاونية تحول أسطح العمارات في الحي المحمدي إلى حدائق للزراعة المستدامة يسقيها ماء "
        "المطر المجمع، وتبيع الخضر للسكان وتدرب الشباب على البستنة.",
        "شراكة مع مؤسسة سكنية لتجهيز الأسطح، ومشترين من المطاعم والمقاصف.",
        "عثمان الرفاعي",
        "2022-03-15 20:10",
        language="ar",
        low_tech=True,
        booth="V05",
        scores=(s(5, 5, 4, 4, 3), s(5, 5, 4, 4, 4), s(4, 5, 3, 4, 3)),
    ),
    DemoApplication(
        "ines.haddad",
        "OpenSense Casa",
        "tech_startup",
        "gouvernance-bottom-up",
        "data",
        "prototype",
        4,
        "Casablanca",
        "Des capteurs de qualité de l'air et de bruit à monter soi-même, en matériel libre, "
        "que les écoles et les associations installent ; les mesures sont en données ouvertes "
        "et discutées en conseil de quartier.",
        "Une collectivité qui adopte les données dans son tableau de bord, et des écoles "
        "partenaires.",
        "Inès Haddad",
        "2022-03-18 16:25",
        open_source=True,
        low_tech=True,
        booth="V06",
        website="https://opensense.example.org",
        scores=(s(4, 4, 3, 3, 4), None, s(5, 4, 3, 4, 4)),
    ),
    DemoApplication(
        "karima.ait.ali",
        "Atelier Réemploi Derb Ghallef",
        "micro_enterprise",
        "low-tech",
        "crafts",
        "growth",
        7,
        "Casablanca",
        "Un atelier qui répare ordinateurs et téléphones usagés au marché de Derb Ghallef, les "
        "reconditionne pour les écoles et forme des jeunes réparateurs. Les pièces sont "
        "récupérées plutôt qu'importées.",
        "Des lots de matériel informatique réformé d'entreprises, et des commandes d'écoles.",
        "Karima Aït Ali",
        "2022-03-20 12:00",
        low_tech=True,
        booth="V07",
        scores=(s(4, 5, 4, 4, 4), s(4, 5, 4, 4, 3), s(4, 4, 4, 3, 4)),
    ),
    DemoApplication(
        "adam.seddiki",
        "Qatra",
        "tech_startup",
        "transition-ecologique",
        "water",
        "prototype",
        3,
        "Casablanca",
        "Des compteurs d'eau à lecture optique, peu coûteux, qui repèrent les fuites dans les "
        "immeubles anciens et préviennent le syndic par SMS. Moins d'eau perdue, moins de "
        "factures surprises.",
        "Un pilote avec un distributeur d'eau et des syndics de copropriété.",
        "Adam Seddiki",
        "2022-03-24 08:40",
        booth="V08",
        scores=(s(4, 3, 3, 4, 5), s(4, 4, 3, 4, 5), s(3, 3, 3, 4, 4)),
    ),
    DemoApplication(
        "grace.mensah",
        "Kumbi Learning",
        "social_enterprise",
        "innovation-communautaire",
        "education",
        "first_customers",
        6,
        "Casablanca",
        language="en",
        pitch="Offline learning boxes: a Raspberry Pi serving courses over local Wi-Fi to "
        "community centres without internet, in Darija, French and English, run by trained "
        "neighbourhood volunteers.",
        seeking="Community centres and a telecom partner to fund boxes for 20 neighbourhoods.",
        contact="Grace Mensah",
        submitted="2022-03-27 14:15",
        open_source=True,
        low_tech=True,
        booth="V09",
        scores=(s(4, 4, 4, 4, 3), s(3, 4, 4, 4, 3), s(4, 5, 4, 5, 4)),
    ),
    DemoApplication(
        "yasmine.lazrak",
        "Fenêtre sur Cour",
        "association",
        "innovation-communautaire",
        "buildings",
        "idea",
        4,
        "Casablanca",
        "Un programme d'habitants qui rénovent eux-mêmes les cours communes des anciens "
        "immeubles, avec des matériaux de réemploi et des ateliers d'architectes bénévoles.",
        "Des matériaux de réemploi de chantiers et un bailleur social partenaire.",
        "Yasmine Lazrak",
        "2022-04-02 19:50",
        low_tech=True,
        booth="V10",
        scores=(s(4, 4, 2, 3, 3), s(4, 5, 2, 3, 3), s(4, 4, 3, 3, 3)),
    ),
    DemoApplication(
        "anas.bouchta",
        "ParkFlow",
        "tech_startup",
        "gouvernance-bottom-up",
        "mobility",
        "idea",
        2,
        "Casablanca",
        status="rejected",
        decided="2022-04-28 17:10",
        pitch="Une application de stationnement avec paiement mobile et caméras de lecture de "
        "plaques dans tout le centre-ville.",
        seeking="Un contrat de concession du stationnement.",
        contact="Anas Bouchta",
        submitted="2022-04-10 23:05",
        scores=(s(2, 1, 2, 3, 3), s(2, 1, 2, 2, 2), s(3, 1, 2, 3, 3)),
        message="Le jury a apprécié l'ambition du projet, mais il repose sur une "
        "infrastructure lourde éloignée de la thématique low-tech de cette édition. Nous "
        "vous encourageons à candidater de nouveau avec un pilote plus sobre.",
    ),
    DemoApplication(
        "hind.chaoui",
        "Drone Clean",
        "tech_startup",
        "transition-ecologique",
        "waste",
        "idea",
        2,
        "Rabat",
        status="rejected",
        decided="2022-04-28 17:12",
        pitch="Des drones qui repèrent les dépôts sauvages de déchets depuis le ciel.",
        seeking="Des financements et des autorisations de vol.",
        contact="Hind Chaoui",
        submitted="2022-04-12 11:30",
        scores=(s(2, 2, 1, 3, 2), s(3, 2, 1, 2, 2), s(2, 1, 2, 3, 2)),
        message="Merci pour votre candidature. Le projet est encore au stade de l'idée et "
        "le jury a retenu des solutions déjà testées dans les quartiers.",
    ),
    DemoApplication(
        "mustapha.elidrissi",
        "عين — خرائط الحي",
        "association",
        "gouvernance-bottom-up",
        "governance",
        "idea",
        3,
        "الدار البيضاء",
        language="ar",
        status="rejected",
        decided="2022-04-28 17:15",
        pitch="خرائط ورقية وتشاركية لأعطاب الحي يرسمها السكان ثم ترقمن وترسل إلى المقاطعة.",
        seeking="مواكبة من جماعة ترابية.",
        contact="مصطفى الإدريسي",
        submitted="2022-04-14 21:40",
        scores=(s(4, 4, 1, 2, 2), s(3, 4, 1, 2, 2), s(3, 3, 2, 2, 2)),
        message="شكرا على ترشيحكم. أعجبت اللجنة بالفكرة، لكنها تحتاج إلى فريق أكبر وتجربة "
        "أولى قبل العرض في القرية. نشجعكم على الترشح في الدورة المقبلة.",
    ),
    DemoApplication(
        "walid.karimi",
        "Compost Connect",
        "micro_enterprise",
        "low-tech",
        "agriculture",
        "idea",
        1,
        "Mohammedia",
        status="withdrawn",
        decided="",
        pitch="Des composteurs collectifs pour les immeubles, entretenus par abonnement.",
        seeking="Des syndics partenaires.",
        contact="Walid Karimi",
        submitted="2022-04-05 10:10",
    ),
)
