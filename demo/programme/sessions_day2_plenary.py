"""Day 2 (Thursday 26 May 2022) in the Anfa plenary hall: streamed, interpreted."""

from demo.records import DemoSession, Tr

DAY2_PLENARY = (
    DemoSession(
        key="d2-keynote-sobriete",
        day=2,
        start="09:00",
        end="09:45",
        space="salle-anfa",
        kind="keynote",
        pivot="transition-ecologique",
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Villes sobres, villes justes : la transition commence dans le quartier",
            "مدن مقتصدة ومدن عادلة: الانتقال يبدأ من الحي",
            "Sufficient cities, fair cities: the transition starts in the neighbourhood",
        ),
        abstract=Tr(
            "Réduire l'empreinte d'une ville ne passe pas seulement par de grands projets "
            "d'énergie : la forme des quartiers, la distance aux services, les matériaux et l'eau "
            "pèsent autant. Chiffres à l'appui, Karim Ouardighi montre que les quartiers "
            "populaires casablancais sont souvent plus sobres que les quartiers aisés, et propose "
            "de bâtir la transition sur leurs atouts plutôt que contre eux.",
            "لا يمر تقليص البصمة البيئية لمدينة ما عبر مشاريع الطاقة الكبرى وحدها: فشكل الأحياء "
            "والمسافة إلى الخدمات ومواد البناء والماء لا تقل أهمية. يبيّن كريم الورديغي، بالأرقام، "
            "أن الأحياء الشعبية في الدار البيضاء غالبًا ما تكون أكثر اقتصادًا في الموارد من "
            "الأحياء "
            "الميسورة، ويقترح بناء الانتقال على نقاط قوتها بدل العمل ضدها.",
            "Shrinking a city's footprint is not only about big energy projects: the shape of "
            "neighbourhoods, distance to services, materials and water matter just as much. "
            "Figures in hand, Karim Ouardighi shows that Casablanca's working-class districts "
            "are often more resource-sparing than wealthy ones, and proposes building the "
            "transition on their strengths rather than against them.",
        ),
        speakers=("Karim Ouardighi",),
    ),
    DemoSession(
        key="d2-keynote-innovation-frugale",
        day=2,
        start="09:45",
        end="10:30",
        space="salle-anfa",
        kind="keynote",
        pivot="innovation-communautaire",
        languages="en",
        livestream=True,
        replay=True,
        title=Tr(
            "Innovation frugale : leçons de Bangalore, Nairobi et Casablanca",
            "الابتكار المقتصد: دروس من بنغالور ونيروبي والدار البيضاء",
            "Frugal innovation: lessons from Bangalore, Nairobi and Casablanca",
        ),
        abstract=Tr(
            "Le jugaad indien, la « dbara » casablancaise, les réparateurs de Nairobi : partout, "
            "des communautés compensent le manque de moyens par l'ingéniosité. Anjali Raman "
            "montre comment certaines villes ont appris à repérer ces innovations, à les soutenir "
            "et à les diffuser sans les dénaturer. Intervention en anglais, interprétation en "
            "français et en arabe.",
            "«الجوغاد» الهندي، و«الدبارة» البيضاوية، ومُصلحو نيروبي: في كل مكان، تعوّض الجماعات "
            "قلة الإمكانيات بالإبداع. تبيّن أنجالي رامان كيف تعلمت بعض المدن رصد هذه الابتكارات "
            "ودعمها ونشرها دون تشويهها. المداخلة باللغة الإنجليزية مع ترجمة فورية إلى الفرنسية "
            "والعربية.",
            "Indian jugaad, Casablanca's dbara (the art of making do), Nairobi's repairers: "
            "everywhere, communities make up for scarce means with ingenuity. Anjali Raman shows "
            "how some cities have learned to spot these innovations, support them and spread "
            "them without distorting them. Talk in English, with French and Arabic "
            "interpretation.",
        ),
        speakers=("Anjali Raman",),
    ),
    DemoSession(
        key="d2-panel-open-source",
        day=2,
        start="11:00",
        end="12:30",
        space="salle-anfa",
        kind="panel",
        pivot="low-tech",
        languages="fr,en",
        livestream=True,
        title=Tr(
            "Matériel et logiciels libres au service public",
            "العتاد والبرمجيات الحرة في خدمة المرفق العمومي",
            "Open-source hardware and software for public services",
        ),
        abstract=Tr(
            "Capteurs de qualité de l'air fabriqués avec des écoles, plateformes municipales en "
            "logiciel libre, données hébergées localement : le libre permet-il aux villes de "
            "garder la main sur leurs outils tout en dépensant moins ? Retours d'expérience de "
            "Dakar, de Bordeaux, de Benguerir et de la commune de Casablanca.",
            "أجهزة استشعار لجودة الهواء تُصنع بتعاون مع المدارس، ومنصات جماعية مبنية على البرمجيات "
            "الحرة، ومعطيات مستضافة محليًا: هل تتيح الحلول الحرة للمدن التحكم في أدواتها مع إنفاق "
            "أقل؟ تجارب من داكار وبوردو وبنجرير وجماعة الدار البيضاء.",
            "Air-quality sensors built with schools, municipal platforms on free software, "
            "locally hosted data: does open source let cities keep control of their tools while "
            "spending less? Experience from Dakar, Bordeaux, Benguerir and the commune of "
            "Casablanca.",
        ),
        moderator="Yassine Cherkaoui",
        panelists=("Lamine Sarr", "Julie Lambert", "Tarik Bensouda", "Kawtar Boukhari"),
    ),
    DemoSession(
        key="d2-guide-low-tech",
        day=2,
        start="12:30",
        end="13:00",
        space="salle-anfa",
        kind="talk",
        pivot="low-tech",
        languages="fr",
        livestream=True,
        replay=True,
        title=Tr(
            "Un guide low-tech pour les services municipaux",
            "دليل التقنيات البسيطة للمصالح الجماعية",
            "A low-tech guide for municipal services",
        ),
        abstract=Tr(
            "Éclairage, arrosage, entretien des bâtiments, collecte des déchets : Mathilde "
            "Rousseau présente un guide de trente fiches pratiques écrit avec des agents "
            "municipaux marocains et français. Chaque fiche indique le coût, les compétences "
            "nécessaires et les pièges à éviter.",
            "الإنارة والسقي وصيانة البنايات وجمع النفايات: تقدم ماتيلد روسو دليلًا من ثلاثين بطاقة "
            "عملية أُعدّ بمشاركة موظفين جماعيين مغاربة وفرنسيين. تبيّن كل بطاقة الكلفة والكفاءات "
            "اللازمة والمزالق التي ينبغي تفاديها.",
            "Lighting, watering, building maintenance, waste collection: Mathilde Rousseau "
            "presents a guide of thirty practical sheets written with Moroccan and French "
            "municipal staff. Each sheet gives the cost, the skills needed and the pitfalls to "
            "avoid.",
        ),
        speakers=("Mathilde Rousseau",),
    ),
    DemoSession(
        key="d2-panel-city-as-a-startup",
        day=2,
        start="14:00",
        end="15:30",
        space="salle-anfa",
        kind="panel",
        pivot="entrepreneuriat-social",
        languages="fr,en",
        livestream=True,
        title=Tr(
            "Casablanca, « city as a startup » : slogan ou méthode ?",
            "الدار البيضاء «مدينة بروح المقاولة الناشئة»: شعار أم منهج؟",
            "Casablanca, “city as a startup”: slogan or method?",
        ),
        abstract=Tr(
            "Tester vite, mesurer, abandonner ce qui ne marche pas : les méthodes des startups "
            "peuvent-elles s'appliquer à une administration municipale ? Et que peut faire la "
            "ville pour que ses jeunes entreprises grandissent ici plutôt qu'ailleurs ? "
            "L'organisateur, deux investisseurs et un entrepreneur confrontent leurs points de "
            "vue.",
            "التجريب السريع والقياس والتخلي عما لا ينجح: هل يمكن تطبيق مناهج الشركات الناشئة على "
            "إدارة جماعية؟ وماذا يمكن للمدينة أن تفعل لكي تنمو مقاولاتها الناشئة هنا بدل مكان آخر؟ "
            "يتبادل المنظم ومستثمران ومقاول وجهات نظرهم.",
            "Test fast, measure, drop what does not work: can startup methods apply to a city "
            "administration? And what can the city do so that its young companies grow here "
            "rather than elsewhere? The organiser, two investors and an entrepreneur compare "
            "views.",
        ),
        moderator="Amine Kabbaj",
        panelists=("Mehdi Sqalli", "Yasmine Benabdeljalil", "David Okafor", "Réda Lamrani"),
    ),
    DemoSession(
        key="d2-panel-economie-partage",
        day=2,
        start="15:45",
        end="17:15",
        space="salle-anfa",
        kind="panel",
        pivot="innovation-communautaire",
        languages="fr,ar",
        livestream=True,
        title=Tr(
            "Économie du partage : mutualiser les services de proximité",
            "اقتصاد المشاركة: تقاسم خدمات القرب",
            "The sharing economy: pooling local services",
        ),
        abstract=Tr(
            "Épiceries points relais, outils prêtés entre voisins, cuisines partagées, salles "
            "associatives à plusieurs usages : mutualiser coûte moins cher et crée du lien. Mais "
            "qui paie, qui entretient, qui est responsable ? Le panel croise les expériences de "
            "Casablanca et de Lisbonne.",
            "محلات بقالة تحولت إلى نقاط لاستلام الطرود، وأدوات يُعيرها الجيران لبعضهم، ومطابخ "
            "مشتركة، وقاعات جمعوية متعددة الاستعمالات: التقاسم أقل كلفة ويخلق روابط اجتماعية. لكن "
            "من يدفع، ومن يتولى الصيانة، ومن يتحمل المسؤولية؟ تتقاطع في هذه الندوة تجارب من الدار "
            "البيضاء ولشبونة.",
            "Corner shops as parcel points, tools lent between neighbours, shared kitchens, "
            "association halls with several uses: pooling costs less and builds ties. But who "
            "pays, who maintains, who is responsible? The panel compares experience from "
            "Casablanca and Lisbon.",
        ),
        moderator="Ghita Lahlou",
        panelists=("Pedro Almeida", "Kenza Bouhaddou", "Karima Sbai", "Hamid Lotfi"),
    ),
    DemoSession(
        key="d2-prix-startup-village",
        day=2,
        start="17:15",
        end="17:45",
        space="salle-anfa",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Remise des prix du Startup Village",
            "توزيع جوائز قرية الشركات الناشئة",
            "Startup Village awards",
        ),
        abstract=Tr(
            "La présidente du jury annonce les lauréats de l'édition 2022 : prix du jury, prix de "
            "l'impact social et prix du public, voté sur la place Smart City Connect. Les "
            "lauréats bénéficient d'un accompagnement par l'incubateur universitaire et de "
            "rendez-vous avec les grands comptes du lounge.",
            "تعلن رئيسة لجنة التحكيم عن الفائزين في دورة 2022: جائزة لجنة التحكيم، وجائزة الأثر "
            "الاجتماعي، وجائزة الجمهور التي صُوّت عليها في ساحة سمارت سيتي كونيكت. يستفيد الفائزون "
            "من مواكبة الحاضنة الجامعية ومن لقاءات مع المقاولات الكبرى في فضاء الابتكار المفتوح.",
            "The jury chair announces the 2022 winners: the jury prize, the social impact prize "
            "and the audience prize, voted on the Smart City Connect square. Winners receive "
            "support from the university incubator and meetings with the lounge's large "
            "companies.",
        ),
        speakers=("Yasmine Benabdeljalil", "Sami Bennis"),
    ),
    DemoSession(
        key="d2-cloture",
        day=2,
        start="17:45",
        end="18:30",
        space="salle-anfa",
        kind="talk",
        pivot=None,
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Séance de clôture : une feuille de route pour Casablanca",
            "الجلسة الختامية: خارطة طريق للدار البيضاء",
            "Closing session: a roadmap for Casablanca",
        ),
        abstract=Tr(
            "Le grand témoin restitue les idées fortes des deux journées, puis élus, universités "
            "et organisateur prennent des engagements concrets pour l'année à venir : données "
            "ouvertes, budget participatif, place des coopératives dans la commande publique. "
            "Rendez-vous est pris pour l'édition suivante.",
            "تقدم الشاهدة الكبرى خلاصة أبرز أفكار اليومين، ثم يعلن المنتخبون والجامعات والجهة "
            "المنظمة التزامات ملموسة للسنة المقبلة: المعطيات المفتوحة، والميزانية التشاركية، "
            "ومكانة "
            "التعاونيات في الصفقات العمومية. والموعد في الدورة المقبلة.",
            "The witness sums up the main ideas of the two days; then elected officials, the "
            "universities and the organiser commit to concrete steps for the coming year: open "
            "data, participatory budgeting, a place for cooperatives in public procurement. See "
            "you at the next edition.",
        ),
        moderator="Ghita Lahlou",
        speakers=("Leïla Berrechid", "Nadia Alaoui Mdaghri", "Latifa Chraibi", "Mehdi Sqalli"),
    ),
)
