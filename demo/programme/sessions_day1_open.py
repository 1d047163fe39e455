"""Day 1 (Wednesday 25 May 2022): exhibition hall, Startup Village, Open
Innovation Lounge and the Smart City Connect public square."""

from demo.records import DemoSession, Tr

DAY1_OPEN = (
    DemoSession(
        key="d1-expo-casablanca-frugale",
        day=1,
        start="09:30",
        end="18:30",
        space="hall-expositions",
        kind="exhibition",
        pivot="low-tech",
        languages="fr,ar,en",
        title=Tr(
            "Exposition « Casablanca frugale » : objets, prototypes et savoir-faire",
            "معرض «الدار البيضاء المقتصدة»: أشياء ونماذج ومهارات",
            "“Frugal Casablanca” exhibition: objects, prototypes and know-how",
        ),
        abstract=Tr(
            "Une charrette de marchand ambulant équipée d'un panneau solaire, un four de "
            "quartier chauffé aux chutes de bois, des meubles faits de palettes du port : "
            "l'exposition rassemble une centaine d'inventions du quotidien collectées à "
            "Casablanca, à côté des prototypes des fab labs et des startups du symposium. Visites "
            "guidées par la commissaire à 11 h et à 16 h.",
            "عربة بائع متجول مزودة بلوح شمسي، وفرّان حي يشتغل ببقايا الخشب، وأثاث مصنوع من ألواح "
            "الميناء الخشبية: يجمع المعرض نحو مائة ابتكار من الحياة اليومية في الدار البيضاء، إلى "
            "جانب النماذج الأولية لمختبرات التصنيع والشركات الناشئة المشاركة في الملتقى. زيارات "
            "موجهة رفقة المفوضة على الساعة الحادية عشرة صباحًا والرابعة بعد الزوال.",
            "A street vendor's cart with a solar panel, a neighbourhood bread oven fired with "
            "wood scraps, furniture made from harbour pallets: the exhibition gathers about a "
            "hundred everyday inventions collected in Casablanca, alongside prototypes from the "
            "symposium's fab labs and startups. Guided tours with the curator at 11 am and 4 pm.",
        ),
        speakers=("Houda Tazi",),
    ),
    DemoSession(
        key="d1-pitchs-mobilite",
        day=1,
        start="11:00",
        end="12:00",
        space="startup-village",
        kind="talk",
        pivot="transition-ecologique",
        languages="fr",
        title=Tr(
            "Pitchs du Startup Village #1 : se déplacer et livrer autrement",
            "عروض قرية الشركات الناشئة 1: التنقل والتوصيل بطرق أخرى",
            "Startup Village pitches #1: new ways to travel and deliver",
        ),
        abstract=Tr(
            "Quatre jeunes entreprises présentent leur solution en cinq minutes chacune, puis "
            "répondent au jury : livraison en vélo-cargo dans la médina, horaires de bus partagés "
            "par les voyageurs, parkings d'immeubles loués à l'heure, épiceries devenues points "
            "relais. Le public vote pour son projet préféré.",
            "تقدم أربع مقاولات ناشئة حلولها في خمس دقائق لكل منها، ثم تجيب عن أسئلة لجنة التحكيم: "
            "التوصيل بدراجات الشحن في المدينة القديمة، ومواعيد الحافلات التي يتقاسمها الركاب، "
            "ومواقف العمارات المؤجرة بالساعة، ومحلات البقالة التي أصبحت نقاطًا لاستلام الطرود. "
            "ويصوّت الجمهور لمشروعه المفضل.",
            "Four young companies each pitch in five minutes, then take the jury's questions: "
            "cargo-bike delivery in the medina, bus times shared by riders, apartment car parks "
            "rented by the hour, corner shops turned parcel points. The audience votes for its "
            "favourite.",
        ),
        moderator="Yasmine Benabdeljalil",
        speakers=("Othmane Guessous", "Wiam Haddaoui", "Ayoub Moussaoui", "Kenza Bouhaddou"),
    ),
    DemoSession(
        key="d1-investisseurs-impact",
        day=1,
        start="12:00",
        end="12:45",
        space="startup-village",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,en",
        title=Tr(
            "Investir dans l'impact : ce que cherchent les financeurs",
            "الاستثمار ذو الأثر: عمّ يبحث الممولون؟",
            "Impact investing: what funders look for",
        ),
        abstract=Tr(
            "Deux investisseurs, de Casablanca et de Lagos, expliquent comment ils évaluent une "
            "startup qui veut être à la fois rentable et utile à la ville. Indicateurs d'impact, "
            "montants investis, erreurs fréquentes dans les dossiers : une séance pratique avant "
            "les pitchs de l'après-midi.",
            "يشرح مستثمران، من الدار البيضاء ولاغوس، كيف يقيّمان شركة ناشئة تسعى إلى أن تكون مربحة "
            "ونافعة للمدينة في آن واحد. مؤشرات الأثر، ومبالغ الاستثمار، والأخطاء الشائعة في "
            "الملفات: "
            "حصة عملية قبل عروض بعد الزوال.",
            "Two investors, from Casablanca and Lagos, explain how they assess a startup that "
            "wants to be both profitable and useful to the city. Impact indicators, ticket sizes, "
            "common mistakes in applications: a practical session before the afternoon pitches.",
        ),
        speakers=("Yasmine Benabdeljalil", "David Okafor"),
    ),
    DemoSession(
        key="d1-pitchs-circulaire",
        day=1,
        start="14:30",
        end="15:30",
        space="startup-village",
        kind="talk",
        pivot="low-tech",
        languages="fr",
        title=Tr(
            "Pitchs du Startup Village #2 : recycler, composter, réemployer",
            "عروض قرية الشركات الناشئة 2: إعادة التدوير والتسميد وإعادة الاستعمال",
            "Startup Village pitches #2: recycle, compost, reuse",
        ),
        abstract=Tr(
            "Des briques en plastique recyclé, du compost au pied des immeubles, des chutes de "
            "tissu de Derb Sultan transformées en isolant : trois startups de l'économie "
            "circulaire pitchent devant le jury et répondent au public.",
            "آجر من البلاستيك المعاد تدويره، وسماد عضوي أسفل العمارات، وبقايا أثواب درب السلطان "
            "تتحول إلى عوازل: ثلاث شركات ناشئة في الاقتصاد الدائري تعرض مشاريعها أمام لجنة التحكيم "
            "وتجيب عن أسئلة الجمهور.",
            "Bricks made of recycled plastic, compost outside apartment blocks, Derb Sultan "
            "fabric offcuts turned into insulation: three circular-economy startups pitch to the "
            "jury and answer the audience.",
        ),
        moderator="Sami Bennis",
        speakers=("Nassim Fikri", "Oumaima Jabri", "Ilyas Tahiri"),
    ),
    DemoSession(
        key="d1-pitchs-cooperatives",
        day=1,
        start="16:00",
        end="17:00",
        space="startup-village",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,ar",
        title=Tr(
            "Pitchs du Startup Village #3 : coopératives et entreprises sociales",
            "عروض قرية الشركات الناشئة 3: التعاونيات والمقاولات الاجتماعية",
            "Startup Village pitches #3: cooperatives and social enterprises",
        ),
        abstract=Tr(
            "Le village est ouvert aux coopératives et aux entreprises sociales autant qu'aux "
            "startups technologiques. Une coopérative de traiteuses, une plateforme d'artisans de "
            "quartier et une entreprise d'insertion dans le bâtiment présentent leur modèle et "
            "leurs besoins.",
            "القرية مفتوحة في وجه التعاونيات والمقاولات الاجتماعية كما هي مفتوحة للشركات الناشئة "
            "التكنولوجية. تعرض تعاونية لإعداد الأطعمة، ومنصة لحرفيي الأحياء، ومقاولة للإدماج في "
            "قطاع البناء نموذجها وحاجياتها.",
            "The village is open to cooperatives and social enterprises as much as to tech "
            "startups. A caterers' cooperative, a platform for neighbourhood tradespeople and a "
            "construction work-integration company present their model and what they need.",
        ),
        moderator="Sami Bennis",
        speakers=("Rabia Ouakrim", "Youness Khalil", "Soufiane Darif"),
    ),
    DemoSession(
        key="d1-lounge-mode-emploi",
        day=1,
        start="11:00",
        end="11:45",
        space="open-innovation-lounge",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,en",
        title=Tr(
            "Open Innovation Lounge : mode d'emploi des rendez-vous B2B",
            "فضاء الابتكار المفتوح: دليل اللقاءات المهنية",
            "Open Innovation Lounge: how the B2B meetings work",
        ),
        abstract=Tr(
            "Comment demander un rendez-vous, à quelle table se présenter, comment préparer dix "
            "minutes d'échange utiles ? L'équipe du lounge présente le fonctionnement des "
            "rencontres et les premiers chiffres : plus de 150 rendez-vous demandés avant "
            "l'ouverture.",
            "كيف تطلب موعدًا، وإلى أي طاولة تتوجه، وكيف تستعد لعشر دقائق من التبادل المفيد؟ يقدم "
            "فريق الفضاء طريقة سير اللقاءات وأولى الأرقام: أكثر من 150 موعدًا طُلبت قبل الافتتاح.",
            "How to request a meeting, which table to go to, how to prepare ten useful minutes? "
            "The lounge team explains how the meetings work and shares the first figures: over "
            "150 meetings requested before opening.",
        ),
        speakers=("Lina Sefrioui",),
    ),
    DemoSession(
        key="d1-defis-grands-comptes",
        day=1,
        start="15:00",
        end="16:00",
        space="open-innovation-lounge",
        kind="workshop",
        pivot="innovation-communautaire",
        languages="fr,en",
        title=Tr(
            "Défis d'open innovation : trois grands comptes exposent leurs besoins",
            "تحديات الابتكار المفتوح: ثلاث مقاولات كبرى تعرض حاجياتها",
            "Open innovation challenges: three large companies set out their needs",
        ),
        abstract=Tr(
            "Un groupe de BTP veut valoriser ses déchets de chantier, un opérateur télécoms "
            "cherche des usages utiles de ses antennes en ville, un distributeur veut réduire "
            "ses invendus. Chacun présente un défi concret ; les startups présentes réagissent et "
            "prennent rendez-vous sur place.",
            "مجموعة للبناء والأشغال العمومية تريد تثمين نفايات أوراشها، ومشغل للاتصالات يبحث عن "
            "استعمالات نافعة لهوائياته في المدينة، وشركة توزيع تسعى إلى تقليص سلعها غير المبيعة. "
            "يعرض كل منهم تحديًا ملموسًا، وتتفاعل الشركات الناشئة الحاضرة وتحجز مواعيدها في عين "
            "المكان.",
            "A construction group wants to reuse its site waste, a telecoms operator is looking "
            "for useful applications for its city antennas, a retailer wants to cut unsold "
            "stock. Each sets out a concrete challenge; startups in the room respond and book "
            "meetings on the spot.",
        ),
        moderator="Lina Sefrioui",
        speakers=("Nabil Guerraoui", "Sarah Benhamou", "Aziz Ghandi"),
    ),
    DemoSession(
        key="d1-cartographie-participative",
        day=1,
        start="10:00",
        end="13:00",
        space="smart-city-connect",
        kind="workshop",
        pivot="gouvernance-bottom-up",
        languages="ar,fr",
        title=Tr(
            "Cartographie participative : dessine ton quartier",
            "الخرائط التشاركية: ارسم حيّك",
            "Participatory mapping: draw your neighbourhood",
        ),
        abstract=Tr(
            "Sur de grandes cartes imprimées puis sur tablette, les visiteurs ajoutent ce que "
            "les plans officiels oublient : fontaines, bancs, trottoirs impraticables, lieux où "
            "l'on se sent bien ou mal. Les contributions rejoignent la carte libre "
            "OpenStreetMap. Entrée libre, de 7 à 77 ans.",
            "على خرائط كبيرة مطبوعة ثم على لوحات إلكترونية، يضيف الزوار ما تغفله التصاميم الرسمية: "
            "السقايات والمقاعد والأرصفة غير الصالحة للمشي والأماكن التي يشعر فيها المرء بالارتياح "
            "أو بعدمه. وتُضاف المساهمات إلى الخريطة الحرة OpenStreetMap. الدخول مجاني، من 7 إلى "
            "77 سنة.",
            "On large printed maps and then on tablets, visitors add what official plans leave "
            "out: fountains, benches, impassable pavements, places where people feel at ease or "
            "not. Contributions go into the free OpenStreetMap map. Free entry, ages 7 to 77.",
        ),
        speakers=("Youssef Hajji",),
    ),
    DemoSession(
        key="d1-halqa-numerique",
        day=1,
        start="13:15",
        end="13:45",
        space="smart-city-connect",
        kind="show",
        pivot="innovation-communautaire",
        languages="ar",
        title=Tr(
            "Halqa numérique : contes de la ville de demain",
            "الحلقة الرقمية: حكايات عن مدينة الغد",
            "Digital halqa: tales of tomorrow's city",
        ),
        abstract=Tr(
            "Comme sur les places de Marrakech, un conteur réunit le public en cercle. Ses "
            "histoires, en darija, imaginent Casablanca dans trente ans, pendant que de jeunes "
            "codeurs de Sidi Moumen les illustrent en direct sur grand écran.",
            "كما في ساحات مراكش، يجمع الحكواتي الجمهور في حلقة. تتخيل حكاياته بالدارجة الدار "
            "البيضاء بعد ثلاثين سنة، بينما يرسمها شباب مبرمجون من سيدي مومن مباشرة على شاشة كبيرة.",
            "As on Marrakech's squares, a storyteller gathers the audience in a circle. His "
            "tales, in Darija, imagine Casablanca thirty years from now, while young coders from "
            "Sidi Moumen illustrate them live on a big screen.",
        ),
        speakers=("Abdelhadi Rami", "Mustapha Bouzidi"),
    ),
    DemoSession(
        key="d1-installations-interactives",
        day=1,
        start="14:00",
        end="16:00",
        space="smart-city-connect",
        kind="exhibition",
        pivot="innovation-communautaire",
        languages="ar,fr",
        title=Tr(
            "Installations interactives : la ville que je veux",
            "منشآت تفاعلية: المدينة التي أريد",
            "Interactive installations: the city I want",
        ),
        abstract=Tr(
            "Un mur lumineux où chaque vœu laissé par un visiteur allume un quartier de la carte, "
            "une cabine où l'on enregistre en une minute ce qu'on changerait dans sa rue : les "
            "installations recueillent les idées du public, qui rejoignent ensuite le tableau "
            "d'idées du symposium.",
            "جدار مضيء تُنير فيه كل أمنية يتركها زائر حيًّا من الخريطة، ومقصورة يسجل فيها المرء في "
            "دقيقة واحدة ما يود تغييره في شارعه: تجمع هذه المنشآت أفكار الجمهور، التي تُنقل بعد "
            "ذلك "
            "إلى لوحة أفكار الملتقى.",
            "A light wall where every wish left by a visitor lights up a district on the map, a "
            "booth where you record in one minute what you would change in your street: the "
            "installations collect the public's ideas, which then go on the symposium's ideas "
            "board.",
        ),
        speakers=("Mehdi Alami",),
    ),
    DemoSession(
        key="d1-debat-chaleur",
        day=1,
        start="16:30",
        end="17:30",
        space="smart-city-connect",
        kind="debate",
        pivot="transition-ecologique",
        languages="ar,fr",
        title=Tr(
            "Débat : nos quartiers ont chaud, que faire ?",
            "نقاش: أحياؤنا حارة، ما العمل؟",
            "Debate: our neighbourhoods are hot, what can we do?",
        ),
        abstract=Tr(
            "Pourquoi fait-il plus chaud à Hay Mohammadi qu'à Anfa un après-midi d'été ? Une "
            "climatologue montre ses cartes de chaleur ; une association qui plante des arbres et "
            "un jardinier municipal racontent ce qui marche. Le public pose ses questions et vote "
            "pour les priorités.",
            "لماذا تكون الحرارة في الحي المحمدي أعلى منها في أنفا في ظهيرة صيفية؟ تعرض باحثة في "
            "المناخ خرائطها الحرارية، وتحكي جمعية تغرس الأشجار وبستاني جماعي ما ينجح فعلًا. ويطرح "
            "الجمهور أسئلته ويصوّت على الأولويات.",
            "Why is Hay Mohammadi hotter than Anfa on a summer afternoon? A climate researcher "
            "shows her heat maps; a tree-planting association and a municipal gardener explain "
            "what works. The audience asks questions and votes on priorities.",
        ),
        moderator="Hind Berrada",
        panelists=("Salma Idrissi", "Mounia Chafik", "Adil Jebbar"),
    ),
    DemoSession(
        key="d1-casablanca-2040-vr",
        day=1,
        start="18:00",
        end="18:45",
        space="smart-city-connect",
        kind="show",
        pivot="transition-ecologique",
        languages="ar,fr",
        title=Tr(
            "Casablanca 2040 en réalité virtuelle",
            "الدار البيضاء 2040 بالواقع الافتراضي",
            "Casablanca 2040 in virtual reality",
        ),
        abstract=Tr(
            "Casque sur la tête, les visiteurs parcourent deux versions du boulevard Mohammed V "
            "en 2040 : l'une sans adaptation au climat, l'autre ombragée, plantée et rendue aux "
            "piétons. Séances de dix minutes, réservation sur place.",
            "بخوذة على الرأس، يتجول الزوار في نسختين من شارع محمد الخامس سنة 2040: واحدة دون تكيف "
            "مع المناخ، وأخرى مظللة ومشجرة ومخصصة للراجلين. حصص من عشر دقائق، والحجز في عين "
            "المكان.",
            "Wearing a headset, visitors walk through two versions of Boulevard Mohammed V in "
            "2040: one with no climate adaptation, the other shaded, planted and given back to "
            "pedestrians. Ten-minute sessions, booking on site.",
        ),
        speakers=("Rayane Ziani",),
    ),
    DemoSession(
        key="d1-debat-jeunes",
        day=1,
        start="19:00",
        end="20:00",
        space="smart-city-connect",
        kind="debate",
        pivot="innovation-communautaire",
        languages="ar,fr",
        title=Tr(
            "Débat : la ville racontée par ses jeunes, de Sidi Moumen à Hay Hassani",
            "نقاش: المدينة كما يحكيها شبابها، من سيدي مومن إلى الحي الحسني",
            "Debate: the city told by its young people, from Sidi Moumen to Hay Hassani",
        ),
        abstract=Tr(
            "Un slameur ouvre le débat avec un texte sur son quartier. Jeunes, animateurs et "
            "responsables associatifs discutent ensuite de ce qui manque : lieux où se retrouver, "
            "transports le soir, premiers emplois. Micro ouvert au public.",
            "يفتتح شاعر سلام النقاش بنص عن حيه، ثم يتحاور الشباب والمنشطون والمسؤولون الجمعويون "
            "حول ما ينقص: أماكن للالتقاء، والنقل في المساء، وفرص الشغل الأولى. الميكروفون مفتوح "
            "للجمهور.",
            "A slam poet opens the debate with a piece about his neighbourhood. Young people, "
            "youth workers and association leaders then discuss what is missing: places to meet, "
            "evening transport, first jobs. Open mic for the audience.",
        ),
        moderator="Ghita Lahlou",
        panelists=("Zakaria Amellal", "Mustapha Bouzidi", "Khadija Ait Lahcen"),
    ),
    DemoSession(
        key="d1-mapping-memoires",
        day=1,
        start="20:30",
        end="21:30",
        space="smart-city-connect",
        kind="show",
        pivot="innovation-communautaire",
        languages="ar,fr",
        title=Tr(
            "Mapping vidéo : mémoires de la place",
            "إسقاط ضوئي: ذاكرة الساحة",
            "Video mapping: memories of the square",
        ),
        abstract=Tr(
            "Pendant quarante minutes, la façade de l'hôtel devient un écran géant. Le collectif "
            "Lumen Casa y projette un siècle de vie casablancaise à partir de photos de famille "
            "confiées par les habitants dans les semaines qui ont précédé le symposium. Gratuit, "
            "sans réservation.",
            "طيلة أربعين دقيقة، تتحول واجهة الفندق إلى شاشة عملاقة يعرض عليها فريق «لومن كازا» "
            "قرنًا من الحياة البيضاوية انطلاقًا من صور عائلية قدمها السكان في الأسابيع التي سبقت "
            "الملتقى. مجانًا ودون حجز.",
            "For forty minutes the hotel's façade becomes a giant screen. The Lumen Casa "
            "collective projects a century of Casablanca life onto it, using family photos lent "
            "by residents in the weeks before the symposium. Free, no booking.",
        ),
        speakers=("Mehdi Alami",),
    ),
)
