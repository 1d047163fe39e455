"""Demo speakers (fictional): officials, academics and the press.

Names are invented; organisations are fictional or named only in general
terms (the commune, the partner universities, a basin agency).
"""

from demo.records import DemoSpeaker, Tr

PUBLIC = (
    DemoSpeaker(
        "Nadia Alaoui Mdaghri",
        "Commune de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Élue, déléguée à la ville intelligente",
            "منتخبة، مفوضة بملف المدينة الذكية",
            "City councillor for the smart city",
        ),
        biography=Tr(
            "Élue au conseil de la commune, elle suit les projets numériques de la ville et la "
            "plateforme de participation citoyenne. Ingénieure de formation, elle a dirigé des "
            "projets de systèmes d'information dans le secteur bancaire.",
            "منتخبة بمجلس الجماعة، تتابع المشاريع الرقمية للمدينة ومنصة المشاركة المواطنة. "
            "مهندسة بتكوينها، أدارت سابقًا مشاريع نظم المعلومات في القطاع البنكي.",
            "A city councillor, she oversees the city's digital projects and its citizen "
            "participation platform. An engineer by training, she led information-systems "
            "projects in banking.",
        ),
    ),
    DemoSpeaker(
        "Mehdi Sqalli",
        "Casablanca Events et Animations",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Directeur général adjoint", "المدير العام المساعد", "Deputy managing director"
        ),
        biography=Tr(
            "Il pilote le Smart City Casablanca Symposium depuis sa première édition, ainsi que "
            "les programmes d'animation de la ville. Il a auparavant organisé de grands "
            "événements culturels à Casablanca et à Marrakech.",
            "يشرف على ملتقى الدار البيضاء للمدينة الذكية منذ دورته الأولى، وعلى برامج التنشيط "
            "بالمدينة. سبق له أن نظم تظاهرات ثقافية كبرى في الدار البيضاء ومراكش.",
            "He has run the Smart City Casablanca Symposium since its first edition, along with "
            "the city's events programme. He previously organised major cultural events in "
            "Casablanca and Marrakech.",
        ),
    ),
    DemoSpeaker(
        "Lina Sefrioui",
        "Casablanca Events et Animations",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Responsable de l'Open Innovation Lounge",
            "مسؤولة فضاء الابتكار المفتوح",
            "Open Innovation Lounge manager",
        ),
        biography=Tr(
            "Elle organise les rendez-vous B2B entre startups, entreprises et institutions, et "
            "suit ce qu'ils deviennent dans les mois qui suivent le symposium.",
            "تنظم اللقاءات المهنية بين الشركات الناشئة والمقاولات والمؤسسات، وتتابع ما تسفر عنه "
            "في الأشهر التي تلي الملتقى.",
            "She arranges the B2B meetings between startups, companies and institutions, and "
            "follows what comes of them in the months after the symposium.",
        ),
    ),
    DemoSpeaker(
        "Latifa Chraibi",
        "Université Hassan II de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Vice-présidente chargée de la recherche et de la coopération",
            "نائبة الرئيس المكلفة بالبحث العلمي والتعاون",
            "Vice-president for research and cooperation",
        ),
        biography=Tr(
            "Professeure de génie civil, elle a coordonné plusieurs programmes de recherche sur "
            "la qualité de l'habitat et les risques urbains dans la région Casablanca-Settat.",
            "أستاذة الهندسة المدنية، نسّقت عدة برامج بحث حول جودة السكن والمخاطر الحضرية في جهة "
            "الدار البيضاء-سطات.",
            "A professor of civil engineering, she has coordinated several research programmes on "
            "housing quality and urban risk in the Casablanca-Settat region.",
        ),
    ),
    DemoSpeaker(
        "Hicham Zerouali",
        "Université Mohammed VI Polytechnique",
        "Benguerir",
        "Maroc",
        position=Tr(
            "Professeur d'urbanisme et d'aménagement",
            "أستاذ التعمير وإعداد المجال",
            "Professor of urban planning",
        ),
        biography=Tr(
            "Il dirige un laboratoire consacré aux villes moyennes et aux territoires en "
            "transition. Ses travaux portent sur la planification à partir des données, avec la "
            "ville verte de Benguerir pour terrain d'expérimentation.",
            "يدير مختبرًا مخصصًا للمدن المتوسطة والمجالات الترابية في طور التحول. تنصب أبحاثه على "
            "التخطيط المبني على المعطيات، متخذًا من المدينة الخضراء ببنجرير ميدانًا للتجريب.",
            "He heads a lab on mid-sized cities and territories in transition. His work is on "
            "data-informed planning, with the green city of Benguerir as a testing ground.",
        ),
    ),
    DemoSpeaker(
        "Meryem Lazrak",
        "Université Hassan II de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Professeure de sociologie urbaine",
            "أستاذة علم الاجتماع الحضري",
            "Professor of urban sociology",
        ),
        biography=Tr(
            "Elle étudie depuis vingt ans les transformations des quartiers populaires de "
            "Casablanca, des bidonvilles relogés aux villes nouvelles de la périphérie. Elle a "
            "suivi pendant dix ans des familles de Sidi Moumen et de Hay Hassani.",
            "تدرس منذ عشرين سنة تحولات الأحياء الشعبية بالدار البيضاء، من دور الصفيح التي أعيد "
            "إسكان قاطنيها إلى المدن الجديدة في الضواحي. تابعت طيلة عشر سنوات أسرًا من سيدي مومن "
            "والحي الحسني.",
            "For twenty years she has studied how Casablanca's working-class neighbourhoods "
            "change, from rehoused shantytowns to new towns on the outskirts. She followed "
            "families in Sidi Moumen and Hay Hassani for ten years.",
        ),
    ),
    DemoSpeaker(
        "Fatima Zahra Ouchen",
        "Université Hassan II de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Économiste, professeure à la faculté des sciences juridiques, économiques et sociales",
            "خبيرة اقتصادية، أستاذة بكلية العلوم القانونية والاقتصادية والاجتماعية",
            "Economist, professor at the faculty of law, economics and social sciences",
        ),
        biography=Tr(
            "Ses recherches portent sur l'économie informelle et l'emploi des jeunes dans les "
            "grandes villes marocaines. Elle a mené une enquête auprès de 900 marchands "
            "ambulants casablancais.",
            "تنصب أبحاثها على الاقتصاد غير المهيكل وتشغيل الشباب في المدن المغربية الكبرى. أنجزت "
            "بحثًا ميدانيًا شمل 900 من الباعة المتجولين بالدار البيضاء.",
            "She researches the informal economy and youth employment in Morocco's large cities, "
            "and led a survey of 900 street vendors in Casablanca.",
        ),
    ),
    DemoSpeaker(
        "Sanae El Ouafi",
        "Université Hassan II de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Enseignante-chercheuse en sociologie",
            "أستاذة باحثة في علم الاجتماع",
            "Lecturer and researcher in sociology",
        ),
        biography=Tr(
            "Elle travaille sur la participation des jeunes et des femmes à la vie locale. Elle a "
            "coordonné l'enquête « Les Casablancais et la ville intelligente » présentée au "
            "symposium.",
            "تشتغل على مشاركة الشباب والنساء في الحياة المحلية، ونسقت البحث الميداني «البيضاويون "
            "والمدينة الذكية» الذي يُقدَّم خلال الملتقى.",
            "She works on young people's and women's involvement in local life, and coordinated "
            "the survey “Casablancans and the smart city” presented at the symposium.",
        ),
    ),
    DemoSpeaker(
        "Sami Bennis",
        "Université Hassan II de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Directeur de l'incubateur universitaire",
            "مدير الحاضنة الجامعية للمقاولات",
            "Director of the university incubator",
        ),
        biography=Tr(
            "Il accompagne chaque année une trentaine de projets d'étudiants et de jeunes "
            "diplômés, dont une part croissante de coopératives et d'entreprises sociales.",
            "يواكب كل سنة حوالي ثلاثين مشروعًا للطلبة والخريجين الشباب، من بينها عدد متزايد من "
            "التعاونيات والمقاولات الاجتماعية.",
            "Each year he supports some thirty projects by students and young graduates, a "
            "growing share of them cooperatives and social enterprises.",
        ),
    ),
    DemoSpeaker(
        "Abdessamad Jellal",
        "Université Hassan II de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr("Géologue du littoral", "جيولوجي متخصص في الساحل", "Coastal geologist"),
        biography=Tr(
            "Il mesure depuis quinze ans le recul du trait de côte entre Aïn Diab et Dar Bouazza "
            "et les effets des tempêtes d'hiver sur la corniche.",
            "يرصد منذ خمس عشرة سنة تراجع خط الساحل بين عين الذئاب ودار بوعزة وآثار العواصف "
            "الشتوية على الكورنيش.",
            "For fifteen years he has measured the retreat of the shoreline between Aïn Diab and "
            "Dar Bouazza and the effect of winter storms on the corniche.",
        ),
    ),
    DemoSpeaker(
        "Salma Idrissi",
        "Université Mohammed VI Polytechnique",
        "Benguerir",
        "Maroc",
        position=Tr(
            "Chercheuse en climatologie urbaine",
            "باحثة في علم المناخ الحضري",
            "Urban climate researcher",
        ),
        biography=Tr(
            "Elle cartographie les îlots de chaleur de Casablanca à partir d'images satellites et "
            "de capteurs installés avec des collèges. Ses cartes montrent jusqu'à 7 °C d'écart "
            "entre deux quartiers un après-midi d'été.",
            "ترسم خرائط الجزر الحرارية بالدار البيضاء اعتمادًا على صور الأقمار الاصطناعية وأجهزة "
            "استشعار ثُبّتت بتعاون مع إعداديات. تُظهر خرائطها فارقًا يصل إلى 7 درجات بين حيّين في "
            "ظهيرة صيفية.",
            "She maps Casablanca's heat islands from satellite images and sensors installed with "
            "secondary schools. Her maps show up to 7 °C between two neighbourhoods on a summer "
            "afternoon.",
        ),
    ),
    DemoSpeaker(
        "Tarik Bensouda",
        "Université Mohammed VI Polytechnique",
        "Benguerir",
        "Maroc",
        position=Tr("Fab manager", "مدير مختبر التصنيع الرقمي", "Fab lab manager"),
        biography=Tr(
            "Il gère un fab lab universitaire ouvert aux étudiants, aux artisans et aux "
            "habitants. Il défend le matériel open source et la réparation comme premiers pas "
            "vers une industrie locale.",
            "يدير مختبرًا جامعيًا للتصنيع الرقمي مفتوحًا في وجه الطلبة والحرفيين والسكان، ويدافع "
            "عن العتاد مفتوح المصدر وعن الإصلاح باعتبارهما أولى خطوات صناعة محلية.",
            "He runs a university fab lab open to students, craftspeople and residents, and "
            "champions open-source hardware and repair as first steps towards local industry.",
        ),
    ),
    DemoSpeaker(
        "Karim Ouardighi",
        "Université Mohammed VI Polytechnique",
        "Benguerir",
        "Maroc",
        position=Tr(
            "Directeur du programme de recherche « Villes et climat »",
            "مدير برنامج البحث «المدن والمناخ»",
            "Director of the “Cities and climate” research programme",
        ),
        biography=Tr(
            "Ingénieur et urbaniste, il travaille sur la sobriété des villes africaines : énergie, "
            "eau, matériaux et formes urbaines. Il a accompagné plusieurs villes marocaines dans "
            "leurs plans climat.",
            "مهندس ومخطط حضري، يشتغل على ترشيد استهلاك الموارد في المدن الإفريقية: الطاقة والماء "
            "ومواد البناء والأشكال العمرانية. رافق عدة مدن مغربية في إعداد مخططاتها المناخية.",
            "An engineer and planner, he works on resource sufficiency in African cities: energy, "
            "water, materials and urban form. He has advised several Moroccan cities on their "
            "climate plans.",
        ),
    ),
    DemoSpeaker(
        "Kawtar Boukhari",
        "Commune de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Cheffe de la division des systèmes d'information",
            "رئيسة قسم نظم المعلومات",
            "Head of information systems",
        ),
        biography=Tr(
            "Elle conduit la modernisation des services numériques de la commune : démarches en "
            "ligne, état civil et portail des données publiques.",
            "تقود تحديث الخدمات الرقمية للجماعة: المساطر عبر الإنترنت والحالة المدنية وبوابة "
            "المعطيات العمومية.",
            "She leads the modernisation of the commune's digital services: online procedures, "
            "civil registry and the public data portal.",
        ),
    ),
    DemoSpeaker(
        "Omar Benchekroun",
        "Société de développement local de Casablanca",
        "Casablanca",
        "Maroc",
        position=Tr("Directeur des partenariats", "مدير الشراكات", "Head of partnerships"),
        biography=Tr(
            "Il a monté des partenariats public-privé pour des équipements de proximité : marchés, "
            "parkings, terrains de sport. Il plaide pour associer les usagers dès la conception.",
            "أشرف على إعداد شراكات بين القطاعين العام والخاص لإنجاز مرافق القرب: أسواق ومواقف "
            "سيارات وملاعب رياضية. ويدعو إلى إشراك المرتفقين منذ مرحلة التصميم.",
            "He has put together public-private partnerships for local facilities such as "
            "markets, car parks and sports grounds, and argues for involving users from the "
            "design stage.",
        ),
    ),
    DemoSpeaker(
        "Abdelilah Mansouri",
        "Agence du bassin hydraulique",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Ingénieur en chef, planification des ressources en eau",
            "مهندس رئيس، تخطيط الموارد المائية",
            "Chief engineer, water resources planning",
        ),
        biography=Tr(
            "Il travaille sur l'équilibre entre ressources et besoins en eau de la région, du "
            "barrage au robinet, et sur la réutilisation des eaux usées traitées pour l'arrosage "
            "des espaces verts.",
            "يشتغل على التوازن بين الموارد والحاجيات المائية للجهة، من السد إلى الصنبور، وعلى "
            "إعادة استعمال المياه العادمة المعالجة في سقي المساحات الخضراء.",
            "He works on balancing the region's water resources and needs, from dam to tap, and "
            "on reusing treated wastewater to irrigate green spaces.",
        ),
    ),
    DemoSpeaker(
        "Adil Jebbar",
        "Service des espaces verts, arrondissement de Hay Hassani",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Chef d'équipe, espaces verts",
            "رئيس فريق المساحات الخضراء",
            "Green spaces team leader",
        ),
        biography=Tr(
            "Jardinier municipal depuis vingt ans, il remplace peu à peu le gazon par des plantes "
            "locales qui demandent trois fois moins d'eau.",
            "بستاني جماعي منذ عشرين سنة، يستبدل تدريجيًا العشب بنباتات محلية تحتاج إلى ثلث كمية "
            "الماء.",
            "A municipal gardener for twenty years, he is gradually replacing lawns with local "
            "plants that need a third of the water.",
        ),
    ),
    DemoSpeaker(
        "Ghita Lahlou",
        "Journaliste indépendante",
        "Casablanca",
        "Maroc",
        position=Tr("Journaliste et animatrice", "صحافية ومنشطة", "Journalist and host"),
        biography=Tr(
            "Elle anime depuis dix ans des émissions de débat consacrées à la vie des quartiers "
            "casablancais. Elle est la maîtresse de cérémonie du symposium.",
            "تقدم منذ عشر سنوات برامج حوارية مخصصة للحياة في أحياء الدار البيضاء، وهي مقدمة "
            "فعاليات الملتقى.",
            "For ten years she has hosted debate programmes about life in Casablanca's "
            "neighbourhoods. She is the symposium's master of ceremonies.",
        ),
    ),
    DemoSpeaker(
        "Amine Kabbaj",
        "La Lettre économique",
        "Casablanca",
        "Maroc",
        position=Tr("Rédacteur en chef", "رئيس التحرير", "Editor-in-chief"),
        biography=Tr(
            "Journaliste économique, il suit depuis quinze ans les politiques urbaines et les "
            "grands chantiers d'infrastructure au Maroc.",
            "صحافي اقتصادي، يتابع منذ خمس عشرة سنة السياسات الحضرية وأوراش البنية التحتية الكبرى "
            "بالمغرب.",
            "A business journalist, he has covered urban policy and major infrastructure projects "
            "in Morocco for fifteen years.",
        ),
    ),
    DemoSpeaker(
        "Hind Berrada",
        "Bleu Vert Média",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Journaliste environnement",
            "صحافية متخصصة في البيئة",
            "Environmental journalist",
        ),
        biography=Tr(
            "Elle couvre le climat, l'eau et la biodiversité au Maroc, et a réalisé un "
            "documentaire sur la sécheresse dans la Chaouia.",
            "تغطي قضايا المناخ والماء والتنوع البيولوجي بالمغرب، وأنجزت فيلمًا وثائقيًا عن "
            "الجفاف في الشاوية.",
            "She covers climate, water and biodiversity in Morocco, and made a documentary about "
            "drought in the Chaouia plain.",
        ),
    ),
    DemoSpeaker(
        "Mouad Zemmouri",
        "Radio Derb FM",
        "Casablanca",
        "Maroc",
        position=Tr("Animateur radio", "منشط إذاعي", "Radio host"),
        biography=Tr(
            "Il anime chaque soir une émission en darija où les auditeurs parlent de leur "
            "quartier. Il a grandi à Hay Mohammadi.",
            "يقدم كل مساء برنامجًا بالدارجة يتحدث فيه المستمعون عن أحيائهم. نشأ في الحي المحمدي.",
            "Every evening he hosts a show in Darija where listeners talk about their "
            "neighbourhood. He grew up in Hay Mohammadi.",
        ),
    ),
    DemoSpeaker(
        "Leïla Berrechid",
        "",
        "Casablanca",
        "Maroc",
        position=Tr("Écrivaine et chroniqueuse", "كاتبة وصاحبة عمود صحفي", "Writer and columnist"),
        biography=Tr(
            "Romancière, elle raconte Casablanca à travers ses marchés et ses quartiers. Grand "
            "témoin du symposium, elle en restitue les idées fortes.",
            "روائية تحكي الدار البيضاء من خلال أسواقها وأحيائها. بصفتها «الشاهدة الكبرى» على "
            "الملتقى، تقدم خلاصة أبرز أفكاره.",
            "A novelist who tells Casablanca's story through its markets and neighbourhoods. As "
            "the symposium's witness, she sums up its main ideas.",
        ),
    ),
)
