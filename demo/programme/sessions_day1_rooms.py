"""Day 1 (Wednesday 25 May 2022) in the two breakout rooms, Médina and Oasis."""

from demo.records import DemoSession, Tr

DAY1_ROOMS = (
    DemoSession(
        key="d1-atelier-open-data",
        day=1,
        start="11:00",
        end="12:30",
        space="salle-medina",
        kind="workshop",
        pivot="gouvernance-bottom-up",
        languages="fr",
        title=Tr(
            "Ouvrir les données de la commune : par où commencer ?",
            "فتح معطيات الجماعة: من أين نبدأ؟",
            "Opening the commune's data: where to start?",
        ),
        abstract=Tr(
            "Atelier pratique pour agents publics, associations et développeurs. À partir de "
            "trois jeux de données réels (horaires de bus, équipements de proximité, marchés "
            "publics), les participants choisissent un format, rédigent une licence et une fiche "
            "de description. Apportez un ordinateur portable ; aucune compétence en programmation "
            "n'est demandée.",
            "ورشة تطبيقية لفائدة الموظفين العموميين والجمعيات والمبرمجين. انطلاقًا من ثلاث مجموعات "
            "معطيات حقيقية (مواعيد الحافلات، مرافق القرب، الصفقات العمومية)، يختار المشاركون صيغة "
            "النشر ويحررون رخصة وبطاقة وصفية. يُرجى إحضار حاسوب محمول، ولا تُشترط أي معرفة "
            "بالبرمجة.",
            "A hands-on workshop for civil servants, associations and developers. Working from "
            "three real datasets (bus timetables, local facilities, public contracts), "
            "participants choose a format and write a licence and a description sheet. Bring a "
            "laptop; no programming skills needed.",
        ),
        speakers=("Yassine Cherkaoui", "Julie Lambert"),
    ),
    DemoSession(
        key="d1-panel-sidi-moumen",
        day=1,
        start="14:00",
        end="15:30",
        space="salle-medina",
        kind="panel",
        pivot="innovation-communautaire",
        languages="fr,ar",
        title=Tr(
            "Sidi Moumen, laboratoire d'innovation par et pour le quartier",
            "سيدي مومن، مختبر للابتكار من الحي ولأجله",
            "Sidi Moumen, a neighbourhood innovating by and for itself",
        ),
        abstract=Tr(
            "Centre culturel, fab lab dans un ancien garage, ateliers de code : à Sidi Moumen, "
            "des habitants ont créé les lieux qui leur manquaient. Le panel raconte comment ces "
            "projets sont nés, ce qui les fait durer, et comment les pouvoirs publics peuvent les "
            "soutenir sans les récupérer, en comparaison avec les quartiers prioritaires de "
            "Lisbonne.",
            "مركز ثقافي، ومختبر للتصنيع في مرآب قديم، وورشات للبرمجة: في سيدي مومن، أنشأ السكان "
            "الفضاءات التي كانت تنقصهم. تحكي هذه الندوة كيف وُلدت هذه المشاريع، وما الذي يضمن "
            "استمرارها، وكيف يمكن للسلطات العمومية دعمها دون الاستحواذ عليها، مع مقارنة بأحياء "
            "لشبونة ذات الأولوية.",
            "A cultural centre, a fab lab in a former garage, coding workshops: in Sidi Moumen, "
            "residents created the places they were missing. The panel tells how these projects "
            "began, what keeps them going, and how public bodies can support them without taking "
            "them over, in comparison with Lisbon's priority neighbourhoods.",
        ),
        moderator="Ghita Lahlou",
        panelists=("Mustapha Bouzidi", "Imane Rachidi", "Pedro Almeida", "Sanae El Ouafi"),
    ),
    DemoSession(
        key="d1-signalements",
        day=1,
        start="15:45",
        end="16:30",
        space="salle-medina",
        kind="talk",
        pivot="innovation-communautaire",
        languages="fr,ar",
        title=Tr(
            "Nids-de-poule, lampadaires, dépôts sauvages : quand les habitants signalent la ville",
            "الحفر والإنارة والنفايات العشوائية: حين يبلّغ السكان عن أعطاب المدينة",
            "Potholes, street lights, fly-tipping: residents reporting on their city",
        ),
        abstract=Tr(
            "En deux ans, une application de signalement a reçu 40 000 alertes d'habitants. Anas "
            "Belkadi présente ce que ces données disent des quartiers, les signalements qui sont "
            "traités et ceux qui ne le sont jamais, et les règles adoptées pour éviter les abus.",
            "في ظرف سنتين، تلقى تطبيق للتبليغ 40 ألف إشعار من السكان. يعرض أنس بلقاضي ما تكشفه هذه "
            "المعطيات عن الأحياء، والبلاغات التي تُعالَج وتلك التي لا تُعالَج أبدًا، والقواعد "
            "المعتمدة لتفادي التجاوزات.",
            "In two years, a reporting app received 40,000 alerts from residents. Anas Belkadi "
            "shows what this data says about neighbourhoods, which reports get fixed and which "
            "never do, and the rules adopted to prevent abuse.",
        ),
        speakers=("Anas Belkadi",),
    ),
    DemoSession(
        key="d1-atelier-budget-participatif",
        day=1,
        start="16:45",
        end="18:15",
        space="salle-medina",
        kind="workshop",
        pivot="gouvernance-bottom-up",
        languages="fr,ar",
        title=Tr(
            "Atelier : simuler un budget participatif d'arrondissement",
            "ورشة: محاكاة ميزانية تشاركية على مستوى المقاطعة",
            "Workshop: simulating a district participatory budget",
        ),
        abstract=Tr(
            "Les participants reçoivent une enveloppe fictive de deux millions de dirhams et une "
            "vingtaine de projets proposés par des habitants. En petits groupes, ils fixent des "
            "règles de vote, arbitrent et défendent leurs choix. L'atelier s'appuie sur les "
            "expériences de Medellín et de Hay Hassani.",
            "يتسلم المشاركون غلافًا ماليًا افتراضيًا قدره مليونا درهم ونحو عشرين مشروعًا اقترحها "
            "السكان. في مجموعات صغيرة، يضعون قواعد التصويت ويحسمون اختياراتهم ويدافعون عنها، "
            "استنادًا "
            "إلى تجربتي ميديين والحي الحسني.",
            "Participants get a notional two million dirhams and some twenty projects proposed by "
            "residents. In small groups they set voting rules, make trade-offs and defend their "
            "choices, drawing on experience from Medellín and Hay Hassani.",
        ),
        speakers=("Sofia Ramírez Ortega", "Khadija Ait Lahcen", "Karima Sbai"),
    ),
    DemoSession(
        key="d1-tram-busway",
        day=1,
        start="11:00",
        end="11:45",
        space="salle-oasis",
        kind="talk",
        pivot="transition-ecologique",
        languages="fr",
        title=Tr(
            "Tramway, busway et dernier kilomètre : ce que disent les trajets des Casablancais",
            "الترامواي والباصواي والكيلومتر الأخير: ما تقوله رحلات البيضاويين",
            "Tramway, busway and the last mile: what Casablancans' journeys tell us",
        ),
        abstract=Tr(
            "Le réseau en site propre s'étend, mais beaucoup d'usagers finissent encore leur "
            "trajet en grand taxi ou à pied sur des trottoirs encombrés, ou renoncent au tramway "
            "faute de correspondance. À partir d'enquêtes origine-destination, Hamza Ennaciri "
            "montre où se perdent les voyageurs et quelles mesures simples amélioreraient le "
            "dernier kilomètre.",
            "تتوسع شبكة النقل في المسارات الخاصة، لكن كثيرًا من المستعملين ما زالوا يُكملون رحلتهم "
            "في سيارة أجرة كبيرة أو مشيًا على أرصفة مكتظة، أو يعزفون عن الترامواي لغياب الربط. "
            "اعتمادًا على بحوث «المنشأ والوجهة»، يبيّن حمزة الناصري أين يضيع المسافرون وما "
            "التدابير "
            "البسيطة التي من شأنها تحسين الكيلومتر الأخير.",
            "The dedicated-lane network is growing, but many riders still finish their journey "
            "by shared grand taxi or on foot along crowded pavements, or skip the tram for lack "
            "of connections. Using origin-destination surveys, Hamza Ennaciri shows where "
            "travellers drop off and which simple measures would improve the last mile.",
        ),
        speakers=("Hamza Ennaciri",),
    ),
    DemoSession(
        key="d1-fab-labs",
        day=1,
        start="12:00",
        end="12:45",
        space="salle-oasis",
        kind="talk",
        pivot="low-tech",
        languages="fr",
        title=Tr(
            "Fab labs de quartier : fabriquer et réparer près de chez soi",
            "مختبرات التصنيع في الأحياء: الصنع والإصلاح قرب البيت",
            "Neighbourhood fab labs: making and repairing close to home",
        ),
        abstract=Tr(
            "Un fab lab universitaire et un fab lab associatif comparent leurs publics, leurs "
            "machines et leurs modèles économiques. Imprimante 3D et découpe laser, mais surtout "
            "fer à souder et outils à main : ce qui sert vraiment aux habitants n'est pas "
            "toujours ce qu'on attend.",
            "يقارن مختبر جامعي ومختبر جمعوي للتصنيع جمهورهما وآلاتهما ونموذجهما الاقتصادي. الطابعة "
            "ثلاثية الأبعاد والقطع بالليزر، ولكن قبل كل شيء كاوية اللحام والأدوات اليدوية: ما يفيد "
            "السكان فعلًا ليس دائمًا ما نتوقعه.",
            "A university fab lab and a community fab lab compare their users, machines and "
            "business models. 3D printers and laser cutters, but above all soldering irons and "
            "hand tools: what residents really use is not always what you would expect.",
        ),
        speakers=("Imane Rachidi", "Tarik Bensouda"),
    ),
    DemoSession(
        key="d1-repair-cafe",
        day=1,
        start="14:00",
        end="15:30",
        space="salle-oasis",
        kind="workshop",
        pivot="low-tech",
        languages="fr,ar",
        title=Tr(
            "Repair café : réparer plutôt que jeter, mode d'emploi",
            "مقهى الإصلاح: أن نُصلح بدل أن نرمي، دليل عملي",
            "Repair café: how to fix instead of throwing away",
        ),
        abstract=Tr(
            "Apportez un petit appareil en panne : radio, ventilateur, chargeur, lampe. Un "
            "réparateur de Derb Ghallef et un fab manager vous aident à trouver la panne et à la "
            "réparer vous-même. L'atelier se termine par un guide pour lancer un repair café "
            "dans sa maison de jeunes ou son association.",
            "أحضروا جهازًا صغيرًا معطلًا: مذياعًا أو مروحة أو شاحنًا أو مصباحًا. سيساعدكم مُصلح من "
            "درب غلف ومدير مختبر للتصنيع على تشخيص العطب وإصلاحه بأنفسكم. وتُختتم الورشة بدليل "
            "لإطلاق مقهى للإصلاح في دار الشباب أو في جمعيتكم.",
            "Bring a small broken appliance: radio, fan, charger, lamp. A repairer from Derb "
            "Ghallef and a fab lab manager help you find the fault and fix it yourself. The "
            "workshop ends with a guide to starting a repair café in your youth centre or "
            "association.",
        ),
        speakers=("Jamal Ouhadi", "Tarik Bensouda"),
    ),
    DemoSession(
        key="d1-panel-medina",
        day=1,
        start="15:45",
        end="17:15",
        space="salle-oasis",
        kind="panel",
        pivot="transition-ecologique",
        languages="fr,ar",
        title=Tr(
            "Ancienne médina : réhabiliter sans faire partir les habitants",
            "المدينة القديمة: إعادة التأهيل دون ترحيل السكان",
            "The old medina: renovating without pushing residents out",
        ),
        abstract=Tr(
            "Maisons menaçant ruine, fondouks transformés, pression touristique : l'ancienne "
            "médina de Casablanca change vite. Réhabiliter plutôt que démolir est le choix le "
            "plus sobre en carbone, mais à quelles conditions les familles peuvent-elles rester ? "
            "Une habitante, deux architectes et un urbaniste comparent Casablanca, Naples et "
            "Tunis.",
            "دور آيلة للسقوط، وفنادق تقليدية تغيّرت وظيفتها، وضغط سياحي متزايد: تتغير المدينة "
            "القديمة للدار البيضاء بسرعة. إعادة التأهيل بدل الهدم هي الخيار الأقل انبعاثًا "
            "للكربون، "
            "لكن بأي شروط يمكن للأسر أن تبقى؟ تقارن ساكنة من الحي ومهندسان معماريان ومخطط حضري بين "
            "الدار البيضاء ونابولي وتونس.",
            "Buildings at risk of collapse, converted fondouks, tourist pressure: Casablanca's "
            "old medina is changing fast. Renovating rather than demolishing is the lowest-carbon "
            "choice, but on what terms can families stay? A resident, two architects and a "
            "planner compare Casablanca, Naples and Tunis.",
        ),
        moderator="Meryem Lazrak",
        panelists=("Nezha Filali", "Rachid Lamghari", "Giulia Conti", "Hicham Zerouali"),
    ),
    DemoSession(
        key="d1-micro-entreprises",
        day=1,
        start="17:30",
        end="18:30",
        space="salle-oasis",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,ar",
        title=Tr(
            "Micro-entreprises de quartier : du crédit à l'accompagnement",
            "المقاولات الصغيرة جدًا في الأحياء: من القرض إلى المواكبة",
            "Neighbourhood micro-businesses: from credit to support",
        ),
        abstract=Tr(
            "Un prêt seul ne suffit pas à faire grandir une micro-entreprise. Une couturière de "
            "Derb Sultan sortie de l'informel et le responsable d'un réseau de microcrédit "
            "racontent ce qui a fait la différence : formation à la gestion, statut "
            "d'auto-entrepreneur, clients réguliers.",
            "القرض وحده لا يكفي لتنمية مقاولة صغيرة جدًا. تحكي خياطة من درب السلطان غادرت القطاع "
            "غير "
            "المهيكل، ومسؤول عن شبكة للقروض الصغرى، ما الذي صنع الفارق: التكوين في التدبير، ونظام "
            "المقاول الذاتي، والزبناء الدائمون.",
            "A loan alone does not grow a micro-business. A Derb Sultan dressmaker who left the "
            "informal economy and the head of a microcredit network explain what made the "
            "difference: management training, self-employed status and regular customers.",
        ),
        speakers=("Loubna Skalli", "Hassan Errami"),
    ),
)
