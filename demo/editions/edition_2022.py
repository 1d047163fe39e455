"""The Smart City Casablanca Symposium 2022: edition, pivots, spaces and partners.

The facts (dates, venue, organiser, partners, theme, objective, the five
pivots and the public programme) come from the organiser's description; the
wording is ours. The programme itself is in the `sessions_day*` modules, one per day and area.
"""

from datetime import date

from demo.programme.sessions_day1_open import DAY1_OPEN
from demo.programme.sessions_day1_plenary import DAY1_PLENARY
from demo.programme.sessions_day1_rooms import DAY1_ROOMS
from demo.programme.sessions_day2_open import DAY2_OPEN
from demo.programme.sessions_day2_plenary import DAY2_PLENARY
from demo.programme.sessions_day2_rooms import DAY2_ROOMS
from demo.records import DemoEdition, DemoPartner, DemoPivot, DemoSpace, Tr

ORGANISER = "Casablanca Events et Animations"

PIVOTS = (
    DemoPivot(
        slug="gouvernance-bottom-up",
        colour="#1c4e80",
        name=Tr(
            "Gouvernance bottom-up",
            "الحكامة التشاركية من القاعدة إلى القمة",
            "Bottom-up governance",
        ),
        description=Tr(
            "Planifier la ville à partir de celles et ceux qui la vivent. Ce pivot explore les "
            "partenariats public-privé-population (4P), une gouvernance intégrée et transparente "
            "des données urbaines, et les outils d'intelligence collective qui aident à mieux "
            "orienter l'action publique, du quartier à la métropole.",
            "تخطيط المدينة انطلاقًا ممن يعيشون فيها. يتناول هذا المحور الشراكات بين القطاع العام "
            "والقطاع الخاص والساكنة (4P)، والحكامة المندمجة والشفافة للمعطيات الحضرية، وأدوات "
            "الذكاء الجماعي التي تساعد على توجيه الفعل العمومي بشكل أفضل، من الحي إلى الحاضرة.",
            "Planning the city from the people who live in it. This pivot looks at "
            "public-private-people partnerships (4P), integrated and transparent governance of "
            "urban data, and the collective-intelligence tools that help steer public action, "
            "from the neighbourhood to the metropolis.",
        ),
        keywords=Tr(
            "partenariats 4P, gouvernance des données, intelligence collective, "
            "budget participatif, données ouvertes, planification intelligente",
            "شراكات 4P، حكامة المعطيات، الذكاء الجماعي، الميزانية التشاركية، "
            "المعطيات المفتوحة، التخطيط الذكي",
            "4P partnerships, data governance, collective intelligence, "
            "participatory budgeting, open data, smart planning",
        ),
    ),
    DemoPivot(
        slug="innovation-communautaire",
        colour="#6a3d9a",
        name=Tr("Innovation communautaire", "الابتكار المجتمعي", "Community innovation"),
        description=Tr(
            "Un changement utile, conçu par une communauté pour elle-même et ancré dans son "
            "territoire. Innovation ouverte, crowd-sourcing, innovation frugale, économie du "
            "partage et mutualisation des services : ce pivot s'intéresse aux projets portés par "
            "les habitants et à ce qu'ils rapportent, à leurs propres yeux, à leur quartier.",
            "تغيير نافع تصممه جماعة من الناس لنفسها ويتجذر في مجالها الترابي. الابتكار المفتوح، "
            "والتعهيد الجماعي، والابتكار المقتصد، واقتصاد المشاركة، وتقاسم الخدمات: يهتم هذا "
            "المحور بالمشاريع التي يحملها السكان وبما تعود به، في نظرهم، على أحيائهم.",
            "Useful change designed by a community for itself and rooted in its territory. Open "
            "innovation, crowd-sourcing, frugal innovation, the sharing economy and pooled "
            "services: this pivot looks at projects led by residents and at what, in their own "
            "eyes, they bring to their neighbourhood.",
        ),
        keywords=Tr(
            "innovation ouverte, crowd-sourcing, innovation frugale, économie du partage, "
            "mutualisation des services",
            "الابتكار المفتوح، التعهيد الجماعي، الابتكار المقتصد، اقتصاد المشاركة، تقاسم الخدمات",
            "open innovation, crowd-sourcing, frugal innovation, sharing economy, shared services",
        ),
    ),
    DemoPivot(
        slug="entrepreneuriat-social",
        colour="#a63a12",
        name=Tr(
            "Entrepreneuriat social et développement socio-économique",
            "المقاولة الاجتماعية والتنمية السوسيو-اقتصادية",
            "Social entrepreneurship and socio-economic development",
        ),
        description=Tr(
            "Entreprendre pour la valeur sociale ou écologique d'une activité plutôt que pour le "
            "profit maximal. Entreprises sociales, coopératives, startups technologiques et "
            "micro-entreprises font vivre l'économie sociale et solidaire, ouvrent une voie de "
            "sortie au secteur informel et font de Casablanca une « city as a startup » au "
            "service de son développement socio-économique.",
            "المقاولة من أجل القيمة الاجتماعية أو البيئية للنشاط الاقتصادي بدل السعي إلى أقصى "
            "ربح. تُحيي المقاولات الاجتماعية والتعاونيات والشركات الناشئة التكنولوجية والمقاولات "
            "الصغيرة جدًا الاقتصادَ الاجتماعي والتضامني، وتفتح طريقًا للخروج من القطاع غير "
            "المهيكل، وتجعل من الدار البيضاء «مدينة بروح المقاولة الناشئة» في خدمة تنميتها "
            "السوسيو-اقتصادية.",
            "Doing business for the social or ecological value of an activity rather than for "
            "maximum profit. Social enterprises, cooperatives, tech startups and micro-enterprises "
            "keep the social and solidarity economy alive, open a way out of the informal sector "
            "and make Casablanca a “city as a startup” serving its socio-economic development.",
        ),
        keywords=Tr(
            "entreprises sociales, coopératives, startups, micro-entreprises, secteur informel, "
            "économie sociale et solidaire, city as a startup",
            "المقاولات الاجتماعية، التعاونيات، الشركات الناشئة، المقاولات الصغيرة جدًا، "
            "القطاع غير المهيكل، الاقتصاد الاجتماعي والتضامني",
            "social enterprises, cooperatives, startups, micro-enterprises, informal sector, "
            "social and solidarity economy, city as a startup",
        ),
    ),
    DemoPivot(
        slug="low-tech",
        colour="#2e6b30",
        name=Tr("Technologies low-tech", "التقنيات البسيطة (لو-تك)", "Low-tech technologies"),
        description=Tr(
            "Des techniques simples, robustes, réparables et sobres en ressources, qui accélèrent "
            "la transition écologique. Matériel et logiciels libres, recyclage, réemploi, "
            "permaculture et mobilité douce : ce pivot montre comment faire mieux avec moins, au "
            "plus près des besoins de la ville.",
            "تقنيات بسيطة ومتينة وقابلة للإصلاح ومقتصدة في الموارد، تُسرّع الانتقال البيئي. "
            "العتاد والبرمجيات الحرة، وإعادة التدوير، وإعادة الاستعمال، والزراعة المستدامة، "
            "والتنقل اللين: يبيّن هذا المحور كيف نصنع أفضل بموارد أقل، في أقرب نقطة من حاجات "
            "المدينة.",
            "Simple, sturdy, repairable techniques that are sparing with resources and speed up "
            "the ecological transition. Open-source hardware and software, recycling, reuse, "
            "permaculture and soft mobility: this pivot shows how to do better with less, as "
            "close as possible to what the city needs.",
        ),
        keywords=Tr(
            "matériel open source, logiciel libre, recyclage, réemploi, permaculture, "
            "mobilité douce, réparation",
            "العتاد مفتوح المصدر، البرمجيات الحرة، إعادة التدوير، إعادة الاستعمال، "
            "الزراعة المستدامة، التنقل اللين، الإصلاح",
            "open-source hardware, free software, recycling, reuse, permaculture, "
            "soft mobility, repair",
        ),
    ),
    DemoPivot(
        slug="transition-ecologique",
        colour="#00666e",
        name=Tr(
            "Transition écologique des villes et territoires",
            "الانتقال البيئي للمدن والمجالات الترابية",
            "Ecological transition of cities and territories",
        ),
        description=Tr(
            "Partout, les villes revoient leur modèle pour vivre dans les limites de la planète. "
            "Le défi est double : améliorer la vie quotidienne des habitants tout en réduisant "
            "l'empreinte écologique de la ville. Eau, chaleur, littoral, matériaux, mobilités : "
            "ce pivot cherche des réponses à l'échelle de Casablanca et de ses territoires.",
            "في كل مكان، تعيد المدن النظر في نموذجها لتعيش في حدود ما يتحمله كوكبنا. والتحدي "
            "مزدوج: تحسين الحياة اليومية للسكان مع تقليص البصمة البيئية للمدينة. الماء، والحرارة، "
            "والساحل، ومواد البناء، والتنقلات: يبحث هذا المحور عن أجوبة على مستوى الدار البيضاء "
            "ومجالاتها الترابية.",
            "Everywhere, cities are rethinking their model to live within the planet's limits. "
            "The challenge is twofold: improve residents' daily lives while shrinking the city's "
            "ecological footprint. Water, heat, coastline, building materials, mobility: this "
            "pivot looks for answers at the scale of Casablanca and its territories.",
        ),
        keywords=Tr(
            "sobriété, eau, îlots de chaleur, littoral, matériaux locaux, "
            "adaptation au climat, mobilités",
            "الاقتصاد في الموارد، الماء، الجزر الحرارية، الساحل، المواد المحلية، "
            "التكيف مع المناخ، التنقلات",
            "sufficiency, water, heat islands, coastline, local materials, "
            "climate adaptation, mobility",
        ),
    ),
)

SPACES = (
    DemoSpace(
        slug="salle-anfa",
        kind="room",
        capacity=600,
        name=Tr("Salle plénière Anfa", "القاعة العامة أنفا", "Anfa plenary hall"),
        description=Tr(
            "La grande salle des séances plénières, équipée pour l'interprétation simultanée "
            "(français, arabe, anglais) et la diffusion en direct.",
            "القاعة الكبرى للجلسات العامة، مجهزة للترجمة الفورية (الفرنسية والعربية "
            "والإنجليزية) وللبث المباشر.",
            "The main hall for plenary sessions, equipped for simultaneous interpretation "
            "(French, Arabic, English) and livestreaming.",
        ),
    ),
    DemoSpace(
        slug="salle-medina",
        kind="room",
        capacity=150,
        name=Tr("Salle Médina", "قاعة المدينة القديمة", "Medina room"),
        description=Tr(
            "Salle de panels et d'ateliers, disposée en tables rondes pour travailler en groupes.",
            "قاعة للموائد المستديرة والورشات، مهيأة للعمل في مجموعات.",
            "A room for panels and workshops, set with round tables for group work.",
        ),
    ),
    DemoSpace(
        slug="salle-oasis",
        kind="room",
        capacity=100,
        name=Tr("Salle Oasis", "قاعة الواحة", "Oasis room"),
        description=Tr(
            "Salle modulable pour les conférences courtes et les ateliers pratiques.",
            "قاعة قابلة للتعديل للمحاضرات القصيرة والورشات التطبيقية.",
            "A flexible room for short talks and hands-on workshops.",
        ),
    ),
    DemoSpace(
        slug="hall-expositions",
        kind="exhibition_hall",
        capacity=1200,
        name=Tr("Hall des expositions", "بهو المعارض", "Exhibition hall"),
        description=Tr(
            "Stands des partenaires, prototypes et expositions thématiques, ouverts pendant les "
            "deux jours du symposium.",
            "أروقة الشركاء والنماذج الأولية والمعارض الموضوعاتية، مفتوحة طيلة يومي الملتقى.",
            "Partner stands, prototypes and themed exhibitions, open throughout both days.",
        ),
    ),
    DemoSpace(
        slug="startup-village",
        kind="village",
        capacity=200,
        name=Tr("Startup Village", "قرية الشركات الناشئة", "Startup Village"),
        description=Tr(
            "Le village des jeunes entreprises de la ville intelligente : stands, scène de pitch "
            "et espace de démonstration.",
            "قرية المقاولات الناشئة في مجال المدينة الذكية: أروقة ومنصة للعروض وفضاء للتجريب.",
            "The smart-city startups' village: stands, a pitch stage and a demo area.",
        ),
    ),
    DemoSpace(
        slug="open-innovation-lounge",
        kind="lounge",
        capacity=80,
        name=Tr("Open Innovation Lounge", "فضاء الابتكار المفتوح", "Open Innovation Lounge"),
        description=Tr(
            "Tables de rendez-vous B2B entre startups, entreprises et institutions, et une petite "
            "scène pour présenter les défis d'innovation.",
            "طاولات للقاءات المهنية بين الشركات الناشئة والمقاولات والمؤسسات، ومنصة صغيرة لعرض "
            "تحديات الابتكار.",
            "B2B meeting tables for startups, companies and institutions, and a small stage for "
            "innovation challenges.",
        ),
    ),
    DemoSpace(
        slug="smart-city-connect",
        kind="public_square",
        capacity=3000,
        name=Tr(
            "Smart City Connect – place publique",
            "سمارت سيتي كونيكت – الساحة العمومية",
            "Smart City Connect – public square",
        ),
        description=Tr(
            "Sur l'esplanade devant l'hôtel, le programme gratuit ouvert à tous les Casablancais : "
            "débats, ateliers, installations immersives et spectacles du soir.",
            "في الساحة المقابلة للفندق، برنامج مجاني مفتوح في وجه جميع البيضاويين: نقاشات "
            "وورشات ومنشآت تفاعلية وعروض مسائية.",
            "On the esplanade in front of the hotel, the free programme open to all "
            "Casablancans: debates, workshops, immersive installations and evening shows.",
        ),
    ),
)

PARTNERS = (
    DemoPartner(ORGANISER, "organiser"),
    DemoPartner("Université Mohammed VI Polytechnique – Benguerir", "academic"),
    DemoPartner("Université Hassan II de Casablanca", "academic"),
)

EDITION_2022 = DemoEdition(
    slug="scc-2022",
    name=Tr(
        "Smart City Casablanca Symposium 2022",
        "ملتقى الدار البيضاء للمدينة الذكية 2022",
        "Smart City Casablanca Symposium 2022",
    ),
    theme=Tr(
        "L'intelligence communautaire et l'innovation low-tech",
        "الذكاء المجتمعي والابتكار بالتقنيات البسيطة",
        "Community intelligence and low-tech innovation",
    ),
    objective=Tr(
        "Réunir élus, chercheurs, entreprises, startups et habitants pour réfléchir ensemble aux "
        "nouveaux modèles économiques de la ville, aux pratiques qui rendent Casablanca plus "
        "résiliente face aux crises, et au rôle central de l'humain dans la fabrique de la "
        "ville. Deux jours de conférences, d'ateliers et de rencontres, et une place publique "
        "ouverte à tous les Casablancais.",
        "جمع المنتخبين والباحثين والمقاولات والشركات الناشئة والساكنة للتفكير معًا في نماذج "
        "اقتصادية جديدة للمدينة، وفي الممارسات التي تجعل الدار البيضاء أقدر على الصمود في وجه "
        "الأزمات، وفي الدور المحوري للإنسان في صناعة المدينة. يومان من المحاضرات والورشات "
        "واللقاءات، وساحة عمومية مفتوحة في وجه جميع البيضاويين.",
        "To bring elected officials, researchers, companies, startups and residents together to "
        "think about new economic models for the city, the practices that make Casablanca more "
        "resilient to crises, and the central role of people in making the city. Two days of "
        "talks, workshops and meetings, and a public square open to every Casablancan.",
    ),
    starts_on=date(2022, 5, 25),
    ends_on=date(2022, 5, 26),
    venue="Hyatt Regency Casablanca",
    city="Casablanca",
    address="Place des Nations Unies, Casablanca",
    organiser=ORGANISER,
    is_current=True,
    pivots=PIVOTS,
    spaces=SPACES,
    partners=PARTNERS,
    sessions=DAY1_PLENARY + DAY1_ROOMS + DAY1_OPEN + DAY2_PLENARY + DAY2_ROOMS + DAY2_OPEN,
)
