"""Day 1 (Wednesday 25 May 2022) in the Anfa plenary hall: streamed, interpreted."""

from demo.records import DemoSession, Tr

DAY1_PLENARY = (
    DemoSession(
        key="d1-ouverture",
        day=1,
        start="09:00",
        end="09:45",
        space="salle-anfa",
        kind="talk",
        pivot=None,
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr("Séance d'ouverture officielle", "الجلسة الافتتاحية الرسمية", "Official opening"),
        abstract=Tr(
            "Les organisateurs et leurs partenaires universitaires ouvrent l'édition 2022 du "
            "symposium. Pourquoi parler d'intelligence communautaire et de low-tech dans une "
            "métropole qui investit dans le tramway et les services numériques ? Les intervenants "
            "présentent les attentes de la ville et le programme des deux journées.",
            "يفتتح المنظمون وشركاؤهم الجامعيون دورة 2022 من الملتقى. لماذا الحديث عن الذكاء "
            "المجتمعي والتقنيات البسيطة في حاضرة تستثمر في الترامواي وفي الخدمات الرقمية؟ يعرض "
            "المتدخلون انتظارات المدينة وبرنامج اليومين.",
            "The organisers and their university partners open the 2022 symposium. Why talk about "
            "community intelligence and low-tech in a metropolis investing in tramways and "
            "digital services? The speakers set out the city's expectations and the programme of "
            "the two days.",
        ),
        moderator="Ghita Lahlou",
        speakers=("Nadia Alaoui Mdaghri", "Mehdi Sqalli", "Latifa Chraibi", "Hicham Zerouali"),
    ),
    DemoSession(
        key="d1-keynote-habitants",
        day=1,
        start="09:45",
        end="10:30",
        space="salle-anfa",
        kind="keynote",
        pivot="gouvernance-bottom-up",
        languages="fr",
        livestream=True,
        replay=True,
        title=Tr(
            "La ville se fabrique avec celles et ceux qui l'habitent",
            "المدينة تُصنع مع من يسكنونها",
            "A city is made with the people who live in it",
        ),
        abstract=Tr(
            "Vingt ans d'enquêtes dans les quartiers de Casablanca montrent que les habitants "
            "transforment déjà la ville : extensions de logements, commerces en rez-de-chaussée, "
            "terrains de foot improvisés, associations qui gèrent des équipements. Meryem Lazrak "
            "propose de partir de ces pratiques plutôt que de les corriger, et montre ce que la "
            "planification gagnerait à les reconnaître.",
            "تُظهر عشرون سنة من البحث الميداني في أحياء الدار البيضاء أن السكان يغيّرون المدينة "
            "فعلًا: توسعات للمساكن، ومحلات في الطوابق الأرضية، وملاعب مرتجلة، وجمعيات تسيّر مرافق "
            "عمومية. تقترح مريم الأزرق الانطلاق من هذه الممارسات بدل تصحيحها، وتبيّن ما يمكن أن "
            "يربحه التخطيط من الاعتراف بها.",
            "Twenty years of fieldwork in Casablanca's neighbourhoods show that residents are "
            "already reshaping the city: home extensions, ground-floor shops, improvised football "
            "pitches, associations running public facilities. Meryem Lazrak argues for starting "
            "from these practices rather than correcting them, and shows what planning would "
            "gain by recognising them.",
        ),
        speakers=("Meryem Lazrak",),
    ),
    DemoSession(
        key="d1-panel-4p",
        day=1,
        start="11:00",
        end="12:30",
        space="salle-anfa",
        kind="panel",
        pivot="gouvernance-bottom-up",
        languages="fr,ar",
        livestream=True,
        title=Tr(
            "Partenariats public-privé-population : qui décide de la ville ?",
            "الشراكة بين القطاعين العام والخاص والساكنة: من يقرر في المدينة؟",
            "Public-private-people partnerships: who decides for the city?",
        ),
        abstract=Tr(
            "Marchés de proximité, parkings, terrains de sport : à Casablanca, de nombreux "
            "équipements sont désormais construits et gérés en partenariat. Ce panel se demande "
            "comment faire entrer les usagers dans ces contrats, de la conception au suivi, avec "
            "des retours d'expérience de Medellín, de Paris et de Hay Hassani.",
            "أسواق القرب ومواقف السيارات والملاعب الرياضية: أصبحت مرافق عديدة بالدار البيضاء "
            "تُشيَّد وتُسيَّر في إطار الشراكة. تتساءل هذه الندوة عن سبل إشراك المرتفقين في هذه "
            "العقود، من التصميم إلى التتبع، انطلاقًا من تجارب ميديين وباريس والحي الحسني.",
            "Local markets, car parks, sports grounds: many of Casablanca's facilities are now "
            "built and run through partnerships. This panel asks how users can be brought into "
            "these contracts, from design to monitoring, with lessons from Medellín, Paris and "
            "Hay Hassani.",
        ),
        moderator="Amine Kabbaj",
        panelists=(
            "Omar Benchekroun",
            "Sofia Ramírez Ortega",
            "Khadija Ait Lahcen",
            "Jean-Baptiste Moreau",
        ),
    ),
    DemoSession(
        key="d1-enquete-habitants",
        day=1,
        start="12:30",
        end="13:00",
        space="salle-anfa",
        kind="talk",
        pivot="gouvernance-bottom-up",
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Ce que les Casablancais attendent de la ville intelligente",
            "ما الذي ينتظره البيضاويون من المدينة الذكية",
            "What Casablancans expect from the smart city",
        ),
        abstract=Tr(
            "Premiers résultats d'une enquête menée au printemps 2022 auprès de 1 200 habitants "
            "de huit arrondissements. Transports, propreté et sécurité arrivent en tête ; les "
            "services numériques comptent surtout quand ils évitent une file d'attente. L'enquête "
            "révèle aussi de fortes différences entre générations et entre quartiers.",
            "النتائج الأولى لبحث ميداني أُنجز في ربيع 2022 وشمل 1200 من سكان ثماني مقاطعات. يأتي "
            "النقل والنظافة والأمن في المقدمة، ولا تهم الخدمات الرقمية إلا حين تُغني عن الوقوف في "
            "الطوابير. ويكشف البحث كذلك فوارق كبيرة بين الأجيال وبين الأحياء.",
            "First results of a survey of 1,200 residents in eight districts, carried out in "
            "spring 2022. Transport, cleanliness and safety come first; digital services matter "
            "mostly when they spare people a queue. The survey also shows sharp differences "
            "between generations and between neighbourhoods.",
        ),
        speakers=("Sanae El Ouafi",),
    ),
    DemoSession(
        key="d1-keynote-low-tech",
        day=1,
        start="14:00",
        end="14:45",
        space="salle-anfa",
        kind="keynote",
        pivot="low-tech",
        languages="fr",
        livestream=True,
        replay=True,
        title=Tr(
            "Low-tech : faire mieux avec moins dans une métropole de quatre millions d'habitants",
            "التقنيات البسيطة: أن نصنع أفضل بموارد أقل في حاضرة من أربعة ملايين نسمة",
            "Low-tech: doing better with less in a city of four million",
        ),
        abstract=Tr(
            "Une technologie low-tech est utile, accessible et durable : on peut la comprendre, "
            "la réparer et la fabriquer près de chez soi. Mathilde Rousseau passe en revue des "
            "solutions éprouvées, du chauffe-eau solaire artisanal au vélo-cargo, et se demande "
            "comment les déployer à l'échelle d'une grande ville. Elle plaide pour que les "
            "services urbains achètent de la réparabilité plutôt que de la nouveauté.",
            "التقنية البسيطة نافعة وفي المتناول ومستدامة: يمكن فهمها وإصلاحها وصنعها محليًا. "
            "تستعرض ماتيلد روسو حلولًا مجرّبة، من السخان الشمسي المصنوع يدويًا إلى دراجة الشحن، "
            "وتتساءل عن كيفية تعميمها على مستوى مدينة كبرى. وتدعو المصالح الحضرية إلى اقتناء ما "
            "يقبل الإصلاح بدل البحث عن الجديد.",
            "A low-tech technology is useful, accessible and sustainable: you can understand it, "
            "repair it and make it close to home. Mathilde Rousseau reviews proven solutions, "
            "from home-built solar water heaters to cargo bikes, and asks how they can scale to a "
            "large city. She argues that city services should buy repairability rather than "
            "novelty.",
        ),
        speakers=("Mathilde Rousseau",),
    ),
    DemoSession(
        key="d1-panel-eau-chaleur",
        day=1,
        start="14:45",
        end="16:15",
        space="salle-anfa",
        kind="panel",
        pivot="transition-ecologique",
        languages="fr,ar",
        livestream=True,
        title=Tr(
            "Eau rare, ville chaude : adapter Casablanca au climat qui vient",
            "ماء نادر ومدينة حارة: تكييف الدار البيضاء مع المناخ القادم",
            "Scarce water, hot city: adapting Casablanca to the coming climate",
        ),
        abstract=Tr(
            "Après plusieurs années de sécheresse, les barrages qui alimentent la région sont au "
            "plus bas, tandis que les étés deviennent plus chauds dans les quartiers denses et "
            "peu arborés. Un hydrologue, une climatologue, un paysagiste et une architecte "
            "croisent leurs réponses : réutilisation des eaux usées, places inondables, ombrage, "
            "végétation sobre en eau.",
            "بعد عدة سنوات من الجفاف، بلغت السدود التي تزوّد الجهة بالماء أدنى مستوياتها، في حين "
            "تزداد حرارة الصيف في الأحياء الكثيفة والقليلة الأشجار. يتقاطع هنا خبير في المياه "
            "وباحثة في المناخ ومهندس مناظر ومهندسة معمارية لعرض حلولهم: إعادة استعمال المياه "
            "العادمة، وساحات تستوعب مياه الأمطار، والتظليل، والنباتات المقتصدة في الماء.",
            "After several years of drought, the dams supplying the region are at their lowest, "
            "while summers grow hotter in dense neighbourhoods with few trees. A hydrologist, a "
            "climate researcher, a landscape architect and an architect compare their answers: "
            "wastewater reuse, floodable squares, shade and water-wise planting.",
        ),
        moderator="Hind Berrada",
        panelists=("Abdelilah Mansouri", "Salma Idrissi", "Thomas Vermeulen", "Zineb Benamar"),
    ),
    DemoSession(
        key="d1-panel-informel",
        day=1,
        start="16:30",
        end="18:00",
        space="salle-anfa",
        kind="panel",
        pivot="entrepreneuriat-social",
        languages="fr,ar",
        livestream=True,
        title=Tr(
            "Secteur informel : intégrer sans étouffer",
            "القطاع غير المهيكل: الإدماج دون خنق",
            "The informal sector: integrating without stifling",
        ),
        abstract=Tr(
            "Marchands ambulants, couturières à domicile, réparateurs : l'économie informelle "
            "fait vivre une grande partie des familles casablancaises. Comment lui ouvrir l'accès "
            "à la protection sociale, au crédit et aux marchés sans détruire ce qui la rend "
            "vivante ? Une économiste, un président de coopérative, une actrice de l'économie "
            "solidaire de Dakar et un fondateur de fintech en débattent.",
            "الباعة المتجولون والخياطات في البيوت والمصلحون: يعيل الاقتصاد غير المهيكل جزءًا "
            "كبيرًا "
            "من الأسر البيضاوية. كيف نفتح له أبواب الحماية الاجتماعية والتمويل والأسواق دون القضاء "
            "على ما يمنحه حيويته؟ تتناقش في ذلك خبيرة اقتصادية ورئيس تعاونية وفاعلة في الاقتصاد "
            "التضامني من داكار ومؤسس شركة للتكنولوجيا المالية.",
            "Street vendors, home-based dressmakers, repairers: the informal economy supports a "
            "large share of Casablanca's families. How can it gain access to social protection, "
            "credit and markets without losing what keeps it alive? An economist, a cooperative "
            "chair, a Dakar solidarity-economy organiser and a fintech founder discuss.",
        ),
        moderator="Amine Kabbaj",
        panelists=("Fatima Zahra Ouchen", "Brahim Ait Ouarab", "Aminata Diallo", "Réda Lamrani"),
    ),
    DemoSession(
        key="d1-grand-temoin",
        day=1,
        start="18:00",
        end="18:30",
        space="salle-anfa",
        kind="talk",
        pivot=None,
        languages="fr,ar",
        livestream=True,
        replay=True,
        title=Tr(
            "Regard du grand témoin : ce que la première journée nous a appris",
            "نظرة الشاهدة الكبرى: ما تعلمناه في اليوم الأول",
            "The witness's view: what the first day taught us",
        ),
        abstract=Tr(
            "Leïla Berrechid a suivi les panels, les ateliers et la place publique tout au long "
            "de la journée. Elle en tire les idées qui reviennent, les désaccords utiles et les "
            "questions restées ouvertes pour le lendemain.",
            "تابعت ليلى برشيد الندوات والورشات والساحة العمومية طيلة اليوم، وتستخلص منها الأفكار "
            "المتكررة والاختلافات المفيدة والأسئلة التي تظل مفتوحة لليوم الموالي.",
            "Leïla Berrechid followed the panels, workshops and public square throughout the day. "
            "She draws out the recurring ideas, the useful disagreements and the questions left "
            "open for tomorrow.",
        ),
        speakers=("Leïla Berrechid",),
    ),
)
