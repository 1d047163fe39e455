"""A small past edition for the archive: the 2021 symposium, held online.

Fictional but plausible: the year of the health crisis, a broadcast studio
in Casablanca, three pivots, two virtual rooms and eight sessions.
"""

from datetime import date

from demo.records import DemoEdition, DemoPartner, DemoPivot, DemoSession, DemoSpace, Tr

PIVOTS = (
    DemoPivot(
        slug="resilience-urbaine",
        colour="#8a2d3b",
        name=Tr("Résilience urbaine", "الصمود الحضري", "Urban resilience"),
        description=Tr(
            "Ce que la crise sanitaire a révélé des fragilités et des ressources de la ville : "
            "quartiers, services essentiels, réseaux d'entraide.",
            "ما كشفته الأزمة الصحية من هشاشة المدينة ومن مواردها: الأحياء، والخدمات الأساسية، "
            "وشبكات التضامن.",
            "What the health crisis revealed about the city's weaknesses and resources: "
            "neighbourhoods, essential services, mutual-aid networks.",
        ),
        keywords=Tr(
            "crise sanitaire, entraide, services essentiels",
            "الأزمة الصحية، التضامن، الخدمات الأساسية",
            "health crisis, mutual aid, essential services",
        ),
    ),
    DemoPivot(
        slug="services-numeriques",
        colour="#1d4f91",
        name=Tr("Services urbains numériques", "الخدمات الحضرية الرقمية", "Digital urban services"),
        description=Tr(
            "Démarches en ligne, données et mobilité : ce qui a tenu pendant la crise, et qui en "
            "a été exclu.",
            "المساطر عبر الإنترنت والمعطيات والتنقل: ما صمد خلال الأزمة، ومن ظل خارجه.",
            "Online procedures, data and mobility: what held up during the crisis, and who was "
            "left out.",
        ),
        keywords=Tr(
            "e-services, fracture numérique, mobilité",
            "الخدمات الإلكترونية، الفجوة الرقمية، التنقل",
            "e-services, digital divide, mobility",
        ),
    ),
    DemoPivot(
        slug="economie-solidaire",
        colour="#6b4e00",
        name=Tr("Économie solidaire", "الاقتصاد التضامني", "Solidarity economy"),
        description=Tr(
            "Coopératives, micro-entreprises et associations face à l'arrêt de l'activité : "
            "financements, ventes en ligne, nouvelles solidarités.",
            "التعاونيات والمقاولات الصغيرة جدًا والجمعيات في مواجهة توقف النشاط: التمويل، والبيع "
            "عبر الإنترنت، وأشكال جديدة من التضامن.",
            "Cooperatives, micro-businesses and associations facing the shutdown: funding, "
            "online sales, new forms of solidarity.",
        ),
        keywords=Tr(
            "coopératives, microcrédit, vente en ligne",
            "التعاونيات، القروض الصغرى، البيع عبر الإنترنت",
            "cooperatives, microcredit, online sales",
        ),
    ),
)

SPACES = (
    DemoSpace(
        slug="studio-principal",
        kind="room",
        capacity=700,
        name=Tr("Studio principal", "الاستوديو الرئيسي", "Main studio"),
        description=Tr(
            "Plateau de diffusion à Casablanca ; les sessions sont suivies en ligne.",
            "بلاطو البث في الدار البيضاء، وتُتابَع الجلسات عبر الإنترنت.",
            "Broadcast set in Casablanca; sessions are followed online.",
        ),
    ),
    DemoSpace(
        slug="salle-virtuelle",
        kind="room",
        capacity=250,
        name=Tr(
            "Salle virtuelle des ateliers", "القاعة الافتراضية للورشات", "Virtual workshop room"
        ),
        description=Tr(
            "Visioconférence en petits groupes pour les ateliers.",
            "اجتماع مرئي في مجموعات صغيرة مخصص للورشات.",
            "Small-group video conference for workshops.",
        ),
    ),
)

SESSIONS = (
    DemoSession(
        key="d1-ouverture",
        day=1,
        start="10:00",
        end="10:30",
        space="studio-principal",
        kind="talk",
        pivot=None,
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Ouverture : Casablanca après le confinement",
            "الافتتاح: الدار البيضاء بعد الحجر الصحي",
            "Opening: Casablanca after lockdown",
        ),
        abstract=Tr(
            "Pour la première fois, le symposium se tient entièrement en ligne. L'organisateur et "
            "l'université partenaire expliquent pourquoi il fallait parler de la ville pendant la "
            "crise, et non après.",
            "لأول مرة، ينعقد الملتقى بالكامل عبر الإنترنت. يشرح المنظم والجامعة الشريكة لماذا كان "
            "لزامًا الحديث عن المدينة خلال الأزمة لا بعدها.",
            "For the first time the symposium is held entirely online. The organiser and the "
            "partner university explain why the city had to be discussed during the crisis, not "
            "after it.",
        ),
        moderator="Ghita Lahlou",
        speakers=("Mehdi Sqalli", "Latifa Chraibi"),
    ),
    DemoSession(
        key="d1-keynote-quartiers",
        day=1,
        start="10:30",
        end="11:15",
        space="studio-principal",
        kind="keynote",
        pivot="resilience-urbaine",
        languages="fr",
        livestream=True,
        replay=True,
        title=Tr(
            "Ce que la crise a révélé de nos quartiers",
            "ما كشفته الأزمة عن أحيائنا",
            "What the crisis revealed about our neighbourhoods",
        ),
        abstract=Tr(
            "Logements trop petits pour le confinement, revenus journaliers interrompus, mais "
            "aussi voisins qui font les courses des plus âgés : Meryem Lazrak tire les premiers "
            "enseignements d'entretiens menés pendant le confinement à Sidi Moumen et à Hay "
            "Hassani.",
            "مساكن أضيق من أن تتسع للحجر، ومداخيل يومية انقطعت، لكن أيضًا جيران يتسوقون لكبار "
            "السن: "
            "تستخلص مريم الأزرق الدروس الأولى من مقابلات أُجريت خلال الحجر في سيدي مومن والحي "
            "الحسني.",
            "Homes too small for lockdown, daily earnings cut off, but also neighbours shopping "
            "for the elderly: Meryem Lazrak draws first lessons from interviews carried out "
            "during lockdown in Sidi Moumen and Hay Hassani.",
        ),
        speakers=("Meryem Lazrak",),
    ),
    DemoSession(
        key="d1-panel-services-en-ligne",
        day=1,
        start="11:30",
        end="12:45",
        space="studio-principal",
        kind="panel",
        pivot="services-numeriques",
        languages="fr",
        livestream=True,
        replay=True,
        title=Tr(
            "Services publics en ligne : qui a été laissé de côté ?",
            "الخدمات العمومية عبر الإنترنت: من بقي على الهامش؟",
            "Public services online: who was left behind?",
        ),
        abstract=Tr(
            "Pendant la crise, beaucoup de démarches sont passées en ligne du jour au lendemain. "
            "Une responsable municipale, un bénévole de l'open data et un laboratoire montréalais "
            "font le bilan : ce qui a marché, et les habitants qui n'ont pas pu suivre.",
            "خلال الأزمة، انتقلت مساطر كثيرة إلى الإنترنت بين عشية وضحاها. تقيّم مسؤولة جماعية "
            "ومتطوع في المعطيات المفتوحة ومختبر من مونتريال الحصيلة: ما نجح، والسكان الذين لم "
            "يتمكنوا من المواكبة.",
            "During the crisis, many procedures moved online overnight. A municipal manager, an "
            "open data volunteer and a Montreal lab take stock: what worked, and the residents "
            "who could not keep up.",
        ),
        moderator="Amine Kabbaj",
        panelists=("Kawtar Boukhari", "Yassine Cherkaoui", "Benoît Girard"),
    ),
    DemoSession(
        key="d1-atelier-financer-solidarite",
        day=1,
        start="11:30",
        end="12:30",
        space="salle-virtuelle",
        kind="workshop",
        pivot="economie-solidaire",
        languages="fr,ar",
        livestream=True,
        title=Tr(
            "Atelier : financer les initiatives solidaires de quartier",
            "ورشة: تمويل المبادرات التضامنية في الأحياء",
            "Workshop: funding neighbourhood solidarity initiatives",
        ),
        abstract=Tr(
            "Collectes, microcrédit, fonds associatifs : comment financer une épicerie solidaire "
            "ou une cuisine de quartier qui a démarré dans l'urgence ? Atelier en petits groupes "
            "avec des exemples de Dakar et de Casablanca.",
            "التبرعات والقروض الصغرى والصناديق الجمعوية: كيف نمول بقالة تضامنية أو مطبخًا للحي "
            "انطلق في ظروف الطوارئ؟ ورشة في مجموعات صغيرة مع أمثلة من داكار والدار البيضاء.",
            "Collections, microcredit, association funds: how do you fund a solidarity grocery "
            "or a neighbourhood kitchen started in an emergency? Small-group workshop with "
            "examples from Dakar and Casablanca.",
        ),
        speakers=("Aminata Diallo", "Hassan Errami"),
    ),
    DemoSession(
        key="d2-panel-entraide",
        day=2,
        start="10:00",
        end="11:15",
        space="studio-principal",
        kind="panel",
        pivot="resilience-urbaine",
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Quartiers solidaires : les réseaux d'entraide pendant la crise",
            "أحياء متضامنة: شبكات التآزر خلال الأزمة",
            "Neighbourhoods that stood together: mutual aid during the crisis",
        ),
        abstract=Tr(
            "Paniers alimentaires, cours par téléphone, distribution de masques : des "
            "associations de Hay Hassani et de Sidi Moumen ont tenu pendant les semaines les plus "
            "dures. Comment garder ces réseaux vivants une fois l'urgence passée ? Comparaison "
            "avec Lisbonne.",
            "سلال غذائية، ودروس عبر الهاتف، وتوزيع الكمامات: صمدت جمعيات في الحي الحسني وسيدي "
            "مومن خلال أصعب الأسابيع. كيف نحافظ على حيوية هذه الشبكات بعد زوال حالة الطوارئ؟ "
            "مقارنة "
            "مع لشبونة.",
            "Food parcels, lessons by phone, mask distribution: associations in Hay Hassani and "
            "Sidi Moumen held on through the hardest weeks. How can these networks stay alive "
            "once the emergency is over? A comparison with Lisbon.",
        ),
        moderator="Ghita Lahlou",
        panelists=("Khadija Ait Lahcen", "Mustapha Bouzidi", "Pedro Almeida"),
    ),
    DemoSession(
        key="d2-teletravail-trajets",
        day=2,
        start="11:30",
        end="12:15",
        space="studio-principal",
        kind="talk",
        pivot="services-numeriques",
        languages="fr",
        livestream=True,
        replay=True,
        title=Tr(
            "Télétravail et trajets : ce que la crise a changé dans la mobilité",
            "العمل عن بعد والتنقلات: ما الذي غيّرته الأزمة في التنقل",
            "Remote work and commuting: how the crisis changed mobility",
        ),
        abstract=Tr(
            "Fréquentation du tramway divisée par trois, essor de la marche et des livraisons : "
            "Hamza Ennaciri analyse les données de mobilité de 2020 et se demande quelles "
            "habitudes resteront.",
            "تراجع عدد ركاب الترامواي إلى الثلث، وتزايد المشي وخدمات التوصيل: يحلل حمزة الناصري "
            "معطيات التنقل لسنة 2020 ويتساءل عن العادات التي ستستمر.",
            "Tram ridership down by two thirds, more walking and home deliveries: Hamza Ennaciri "
            "analyses 2020 mobility data and asks which habits will last.",
        ),
        speakers=("Hamza Ennaciri",),
    ),
    DemoSession(
        key="d2-cooperatives-en-ligne",
        day=2,
        start="11:30",
        end="12:30",
        space="salle-virtuelle",
        kind="workshop",
        pivot="economie-solidaire",
        languages="ar,fr",
        livestream=True,
        title=Tr(
            "Vendre en ligne quand on est une coopérative",
            "البيع عبر الإنترنت بالنسبة للتعاونيات",
            "Selling online as a cooperative",
        ),
        abstract=Tr(
            "Une coopérative de traiteuses et une plateforme d'artisans partagent ce qu'elles ont "
            "appris en passant à la vente en ligne : photos, paiement, livraison, avis des "
            "clients.",
            "تتقاسم تعاونية لإعداد الأطعمة ومنصة للحرفيين ما تعلمتاه عند الانتقال إلى البيع عبر "
            "الإنترنت: الصور، والأداء، والتوصيل، وآراء الزبناء.",
            "A caterers' cooperative and a tradespeople's platform share what they learned moving "
            "to online sales: photos, payment, delivery, customer reviews.",
        ),
        speakers=("Rabia Ouakrim", "Youness Khalil"),
    ),
    DemoSession(
        key="d2-cloture",
        day=2,
        start="12:30",
        end="13:00",
        space="studio-principal",
        kind="talk",
        pivot=None,
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Clôture : rendez-vous en 2022, en présentiel",
            "الاختتام: موعدنا في 2022، حضوريًا",
            "Closing: see you in person in 2022",
        ),
        abstract=Tr(
            "Bilan de deux matinées en ligne suivies par plus de 700 participants, et annonce de "
            "l'édition 2022 avec l'Université Mohammed VI Polytechnique comme nouveau partenaire.",
            "حصيلة صبيحتين عبر الإنترنت تابعهما أكثر من 700 مشارك، والإعلان عن دورة 2022 بشراكة "
            "جديدة مع جامعة محمد السادس متعددة التخصصات التقنية.",
            "A look back at two online mornings followed by more than 700 participants, and the "
            "announcement of the 2022 edition with Université Mohammed VI Polytechnique as a new "
            "partner.",
        ),
        speakers=("Mehdi Sqalli", "Hicham Zerouali"),
    ),
)

EDITION_2021 = DemoEdition(
    slug="scc-2021",
    name=Tr(
        "Smart City Casablanca Symposium 2021",
        "ملتقى الدار البيضاء للمدينة الذكية 2021",
        "Smart City Casablanca Symposium 2021",
    ),
    theme=Tr(
        "Villes résilientes : ce que la crise nous a appris",
        "مدن قادرة على الصمود: ما علّمتنا إياه الأزمة",
        "Resilient cities: what the crisis taught us",
    ),
    objective=Tr(
        "Tirer, avec les acteurs de la ville, les premiers enseignements de la crise sanitaire : "
        "fragilités des quartiers, continuité des services, place des solidarités et de "
        "l'économie sociale.",
        "استخلاص الدروس الأولى من الأزمة الصحية رفقة الفاعلين في المدينة: هشاشة الأحياء، "
        "واستمرارية الخدمات، ومكانة التضامن والاقتصاد الاجتماعي.",
        "To draw, with the city's stakeholders, the first lessons of the health crisis: "
        "vulnerable neighbourhoods, continuity of services, the place of solidarity and the "
        "social economy.",
    ),
    starts_on=date(2021, 6, 23),
    ends_on=date(2021, 6, 24),
    venue="En ligne (studio de diffusion)",
    city="Casablanca",
    address="",
    organiser="Casablanca Events et Animations",
    is_current=False,
    pivots=PIVOTS,
    spaces=SPACES,
    partners=(
        DemoPartner("Casablanca Events et Animations", "organiser"),
        DemoPartner("Université Hassan II de Casablanca", "academic"),
    ),
    sessions=SESSIONS,
)
