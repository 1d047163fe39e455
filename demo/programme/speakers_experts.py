"""Demo speakers (fictional): experts, consultants, companies and investors."""

from demo.records import DemoSpeaker, Tr

EXPERTS = (
    DemoSpeaker(
        "Sofia Ramírez Ortega",
        "Laboratorio de Gobernanza Participativa",
        "Medellín",
        "Colombie",
        position=Tr(
            "Consultante en gouvernance participative",
            "مستشارة في الحكامة التشاركية",
            "Participatory governance consultant",
        ),
        biography=Tr(
            "Elle a accompagné pendant huit ans les budgets participatifs des quartiers de "
            "Medellín. Elle conseille aujourd'hui des villes d'Amérique latine et d'Afrique.",
            "رافقت طيلة ثماني سنوات الميزانيات التشاركية لأحياء مدينة ميديين، وتقدم اليوم "
            "استشاراتها لمدن في أمريكا اللاتينية وإفريقيا.",
            "She spent eight years supporting participatory budgets in Medellín's "
            "neighbourhoods and now advises cities in Latin America and Africa.",
        ),
    ),
    DemoSpeaker(
        "Jean-Baptiste Moreau",
        "Partenaires Publics Conseil",
        "Paris",
        "France",
        position=Tr(
            "Associé, spécialiste des partenariats public-privé",
            "شريك، متخصص في الشراكات بين القطاعين العام والخاص",
            "Partner, public-private partnerships",
        ),
        biography=Tr(
            "Juriste et financier, il a conseillé des collectivités en France, au Sénégal et au "
            "Maroc sur des contrats de service urbain. Il étudie les clauses qui donnent aux "
            "usagers une place dans le suivi des contrats.",
            "قانوني ومالي، قدم استشارات لجماعات ترابية في فرنسا والسنغال والمغرب حول عقود "
            "الخدمات الحضرية، ويدرس البنود التي تمنح المرتفقين مكانًا في تتبع تنفيذ العقود.",
            "A lawyer and financier, he has advised local authorities in France, Senegal and "
            "Morocco on urban service contracts, and studies clauses that give users a say in "
            "monitoring them.",
        ),
    ),
    DemoSpeaker(
        "Mathilde Rousseau",
        "Laboratoire Sobriété Technique",
        "Nantes",
        "France",
        position=Tr(
            "Ingénieure, fondatrice du laboratoire",
            "مهندسة ومؤسسة المختبر",
            "Engineer, founder of the lab",
        ),
        biography=Tr(
            "Ingénieure en énergétique, elle documente et teste des solutions low-tech pour les "
            "services urbains : chauffe-eau solaires, glacières sans électricité, toilettes "
            "sèches. Elle a recensé des savoir-faire frugaux dans plusieurs pays d'Afrique du "
            "Nord.",
            "مهندسة طاقة، توثّق وتختبر حلولًا بسيطة للخدمات الحضرية: سخانات شمسية ومبردات دون "
            "كهرباء ومراحيض جافة. أحصت معارف تقليدية مقتصدة في عدة بلدان من شمال إفريقيا.",
            "An energy engineer, she documents and tests low-tech solutions for urban services: "
            "solar water heaters, fridges without electricity, dry toilets. She has catalogued "
            "frugal know-how in several North African countries.",
        ),
    ),
    DemoSpeaker(
        "Thomas Vermeulen",
        "Studio Regenplein",
        "Rotterdam",
        "Pays-Bas",
        position=Tr("Architecte paysagiste", "مهندس مناظر طبيعية", "Landscape architect"),
        biography=Tr(
            "Il conçoit des places publiques qui retiennent l'eau des orages et servent de "
            "terrains de jeu le reste du temps, à Rotterdam, Lisbonne et Izmir.",
            "يصمم ساحات عمومية تحتجز مياه العواصف وتتحول إلى فضاءات للعب في باقي الأوقات، في "
            "روتردام ولشبونة وإزمير.",
            "He designs public squares that hold storm water and serve as playgrounds the rest "
            "of the time, in Rotterdam, Lisbon and Izmir.",
        ),
    ),
    DemoSpeaker(
        "Zineb Benamar",
        "Atelier Benamar Architectes",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Architecte, spécialiste de la conception bioclimatique",
            "مهندسة معمارية متخصصة في التصميم البيومناخي",
            "Architect specialising in bioclimatic design",
        ),
        biography=Tr(
            "Elle réhabilite des immeubles des années 1950 du centre-ville en misant sur la "
            "ventilation naturelle, l'ombre et les matériaux locaux. Elle enseigne la conception "
            "bioclimatique.",
            "تعيد تأهيل عمارات خمسينيات القرن الماضي بوسط المدينة معتمدة على التهوية الطبيعية "
            "والظل والمواد المحلية، وتدرّس التصميم البيومناخي.",
            "She renovates 1950s buildings downtown using natural ventilation, shade and local "
            "materials, and teaches bioclimatic design.",
        ),
    ),
    DemoSpeaker(
        "Aminata Diallo",
        "Réseau Ndimbal pour l'économie solidaire",
        "Dakar",
        "Sénégal",
        position=Tr("Coordinatrice", "منسقة", "Coordinator"),
        biography=Tr(
            "Elle accompagne des groupements de femmes et des coopératives urbaines à Dakar et à "
            "Thiès, et a contribué à des lois sur l'économie sociale et solidaire en Afrique de "
            "l'Ouest.",
            "ترافق مجموعات نسائية وتعاونيات حضرية في داكار وتييس، وساهمت في إعداد قوانين للاقتصاد "
            "الاجتماعي والتضامني في غرب إفريقيا.",
            "She supports women's groups and urban cooperatives in Dakar and Thiès, and helped "
            "draft social and solidarity economy laws in West Africa.",
        ),
    ),
    DemoSpeaker(
        "Yassine Cherkaoui",
        "Collectif Casa Open Data",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Ingénieur données, cofondateur du collectif",
            "مهندس بيانات، أحد مؤسسي المجموعة",
            "Data engineer, co-founder of the collective",
        ),
        biography=Tr(
            "Bénévole, il a mis en données ouvertes les lignes de bus, les équipements de "
            "quartier et les marchés publics de la ville à partir de documents publics.",
            "بصفته متطوعًا، حوّل خطوط الحافلات ومرافق الأحياء والصفقات العمومية للمدينة إلى "
            "معطيات مفتوحة انطلاقًا من وثائق منشورة.",
            "As a volunteer he has turned the city's bus lines, neighbourhood facilities and "
            "public contracts into open data, working from published documents.",
        ),
    ),
    DemoSpeaker(
        "Julie Lambert",
        "Coopérative Données Communes",
        "Bordeaux",
        "France",
        position=Tr(
            "Consultante en données ouvertes",
            "مستشارة في المعطيات المفتوحة",
            "Open data consultant",
        ),
        biography=Tr(
            "Elle aide des collectivités à ouvrir et documenter leurs données, de l'inventaire à "
            "la publication, et a écrit des guides pratiques pour les petites communes.",
            "تساعد الجماعات الترابية على فتح معطياتها وتوثيقها، من الجرد إلى النشر، وألفت أدلة "
            "عملية للجماعات الصغيرة.",
            "She helps local authorities open and document their data, from inventory to "
            "publication, and has written practical guides for small towns.",
        ),
    ),
    DemoSpeaker(
        "Pedro Almeida",
        "Laboratório de Bairros",
        "Lisbonne",
        "Portugal",
        position=Tr(
            "Urbaniste, programme des quartiers prioritaires",
            "مخطط حضري، برنامج الأحياء ذات الأولوية",
            "Urban planner, priority neighbourhoods programme",
        ),
        biography=Tr(
            "Il a coordonné à Lisbonne un programme qui finance de petits projets proposés et "
            "gérés par les habitants, et étudie ce qu'ils deviennent une fois la subvention finie.",
            "نسّق في لشبونة برنامجًا يمول مشاريع صغيرة يقترحها السكان ويسيرونها، ويدرس مصيرها بعد "
            "انتهاء الدعم.",
            "In Lisbon he coordinated a programme funding small projects proposed and run by "
            "residents, and studies what becomes of them once the grant ends.",
        ),
    ),
    DemoSpeaker(
        "Karima Sbai",
        "Agora Facilitation",
        "Rabat",
        "Maroc",
        position=Tr(
            "Facilitatrice en intelligence collective",
            "ميسّرة في الذكاء الجماعي",
            "Collective intelligence facilitator",
        ),
        biography=Tr(
            "Elle conçoit et anime des concertations publiques, de l'atelier de quartier aux "
            "assises régionales, et forme des agents municipaux à la facilitation.",
            "تصمم وتسيّر مشاورات عمومية، من ورشات الأحياء إلى المناظرات الجهوية، وتكوّن موظفي "
            "الجماعات في تقنيات التيسير.",
            "She designs and runs public consultations, from neighbourhood workshops to regional "
            "conventions, and trains municipal staff in facilitation.",
        ),
    ),
    DemoSpeaker(
        "Hamza Ennaciri",
        "Mobilis Études",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Ingénieur en mobilité urbaine", "مهندس في التنقل الحضري", "Urban mobility engineer"
        ),
        biography=Tr(
            "Il a participé aux études de trafic de plusieurs lignes de transport en site propre "
            "au Maroc et analyse aujourd'hui les trajets des usagers du tramway et du busway.",
            "شارك في دراسات حركة السير لعدة خطوط للنقل في مسارات خاصة بالمغرب، ويحلل اليوم رحلات "
            "مستعملي الترامواي والحافلات ذات المستوى العالي من الخدمة.",
            "He worked on traffic studies for several dedicated-lane transit lines in Morocco and "
            "now analyses the journeys of tramway and busway riders.",
        ),
    ),
    DemoSpeaker(
        "Rachid Lamghari",
        "Atelier Lamghari",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Architecte du patrimoine",
            "مهندس معماري متخصص في التراث",
            "Heritage architect",
        ),
        biography=Tr(
            "Il a restauré plusieurs maisons et fondouks de l'ancienne médina, sur des chantiers "
            "qui forment des artisans du quartier plutôt que de faire venir des entreprises "
            "extérieures.",
            "رمّم عدة دور وفنادق تقليدية بالمدينة القديمة، في أوراش تكوّن حرفيي الحي بدل الاستعانة "
            "بمقاولات من خارجه.",
            "He has restored several houses and fondouks in the old medina, on sites that train "
            "local craftspeople rather than bringing in outside firms.",
        ),
    ),
    DemoSpeaker(
        "Giulia Conti",
        "Osservatorio dei Centri Storici",
        "Naples",
        "Italie",
        position=Tr(
            "Architecte et chercheuse", "مهندسة معمارية وباحثة", "Architect and researcher"
        ),
        biography=Tr(
            "Elle étudie la réhabilitation des centres anciens méditerranéens, de Naples à Tunis, "
            "et les politiques qui évitent le départ des habitants modestes.",
            "تدرس إعادة تأهيل المراكز التاريخية المتوسطية، من نابولي إلى تونس، والسياسات التي "
            "تحول دون رحيل السكان ذوي الدخل المحدود.",
            "She studies the renovation of Mediterranean historic centres, from Naples to Tunis, "
            "and the policies that keep low-income residents from being pushed out.",
        ),
    ),
    DemoSpeaker(
        "Hassan Errami",
        "Association Tadamoun Microfinance",
        "Casablanca",
        "Maroc",
        position=Tr("Directeur régional", "مدير جهوي", "Regional director"),
        biography=Tr(
            "Il supervise un réseau d'agences de microcrédit dans les quartiers périphériques et "
            "a lancé un programme de formation à la gestion pour les emprunteuses.",
            "يشرف على شبكة من وكالات القروض الصغرى في الأحياء الطرفية، وأطلق برنامجًا لتكوين "
            "المقترضات في مجال التدبير.",
            "He oversees a network of microcredit branches in outlying districts and launched a "
            "management training programme for women borrowers.",
        ),
    ),
    DemoSpeaker(
        "Houda Tazi",
        "Studio Houda Tazi",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Designer, commissaire de l'exposition « Casablanca frugale »",
            "مصممة، مفوضة معرض «الدار البيضاء المقتصدة»",
            "Designer, curator of “Frugal Casablanca”",
        ),
        biography=Tr(
            "Designer d'objets, elle collecte depuis des années les inventions du quotidien des "
            "artisans et bricoleurs casablancais.",
            "مصممة أشياء، تجمع منذ سنوات ابتكارات الحياة اليومية لدى الحرفيين والهواة في الدار "
            "البيضاء.",
            "An object designer, she has spent years collecting the everyday inventions of "
            "Casablanca's craftspeople and tinkerers.",
        ),
    ),
    DemoSpeaker(
        "Yasmine Benabdeljalil",
        "Atlas Impact Capital",
        "Casablanca",
        "Maroc",
        position=Tr("Directrice des investissements", "مديرة الاستثمارات", "Investment director"),
        biography=Tr(
            "Elle investit dans de jeunes entreprises marocaines à impact social et "
            "environnemental. Elle préside le jury du Startup Village 2022.",
            "تستثمر في مقاولات مغربية ناشئة ذات أثر اجتماعي وبيئي، وترأس لجنة تحكيم قرية الشركات "
            "الناشئة لسنة 2022.",
            "She invests in young Moroccan companies with social and environmental impact, and "
            "chairs the 2022 Startup Village jury.",
        ),
    ),
    DemoSpeaker(
        "David Okafor",
        "Lagos Impact Partners",
        "Lagos",
        "Nigeria",
        position=Tr("Associé gérant", "شريك مسيّر", "Managing partner"),
        biography=Tr(
            "Il dirige un fonds d'amorçage qui finance des startups africaines de la logistique, "
            "de l'énergie et des services financiers pour les petits commerces informels.",
            "يدير صندوق استثمار في مرحلة الانطلاق يمول شركات ناشئة إفريقية في اللوجستيك والطاقة "
            "والخدمات المالية الموجهة للتجارة الصغيرة غير المهيكلة.",
            "He runs an early-stage fund backing African startups in logistics, energy and "
            "financial services for small informal businesses.",
        ),
    ),
    DemoSpeaker(
        "Nabil Guerraoui",
        "Groupe Bâtir Maroc",
        "Casablanca",
        "Maroc",
        position=Tr("Directeur de l'innovation", "مدير الابتكار", "Head of innovation"),
        biography=Tr(
            "Il cherche des startups capables de réduire l'empreinte carbone des chantiers et de "
            "valoriser les déchets de construction.",
            "يبحث عن شركات ناشئة قادرة على تقليص البصمة الكربونية للأوراش وتثمين نفايات البناء.",
            "He looks for startups that can cut the carbon footprint of building sites and put "
            "construction waste to use.",
        ),
    ),
    DemoSpeaker(
        "Sarah Benhamou",
        "Maghreb Télécom Services",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Responsable open innovation", "مسؤولة الابتكار المفتوح", "Open innovation lead"
        ),
        biography=Tr(
            "Elle pilote le programme d'open innovation de son groupe, qui a lancé une dizaine de "
            "projets pilotes avec des startups marocaines.",
            "تقود برنامج الابتكار المفتوح لمجموعتها، الذي أطلق حوالي عشرة مشاريع نموذجية مع شركات "
            "ناشئة مغربية.",
            "She runs her group's open innovation programme, which has launched about ten pilots "
            "with Moroccan startups.",
        ),
    ),
    DemoSpeaker(
        "Aziz Ghandi",
        "Souk Distribution",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Directeur de la responsabilité sociétale",
            "مدير المسؤولية الاجتماعية للمقاولة",
            "Corporate social responsibility director",
        ),
        biography=Tr(
            "Il travaille sur la réduction des emballages et sur le don des invendus alimentaires "
            "avec des associations de quartier.",
            "يعمل على تقليص التغليف وعلى التبرع بالمواد الغذائية غير المبيعة بتعاون مع جمعيات "
            "الأحياء.",
            "He works on reducing packaging and on donating unsold food through neighbourhood "
            "associations.",
        ),
    ),
    DemoSpeaker(
        "Anjali Raman",
        "Jugaad Research Centre",
        "Bangalore",
        "Inde",
        position=Tr(
            "Chercheuse en innovation frugale",
            "باحثة في الابتكار المقتصد",
            "Frugal innovation researcher",
        ),
        biography=Tr(
            "Elle compare la manière dont réparateurs informels, collectifs d'habitants et petites "
            "entreprises de Bangalore, Nairobi et Casablanca transforment les contraintes en "
            "inventions.",
            "تقارن كيف يحوّل المصلحون غير المهيكلين وتجمعات السكان والمقاولات الصغيرة في بنغالور "
            "ونيروبي والدار البيضاء القيود إلى ابتكارات.",
            "She compares how informal repairers, residents' groups and small firms in Bangalore, "
            "Nairobi and Casablanca turn constraints into inventions.",
        ),
    ),
    DemoSpeaker(
        "Lamine Sarr",
        "Air Commun Dakar",
        "Dakar",
        "Sénégal",
        position=Tr("Ingénieur, fondateur", "مهندس ومؤسس", "Engineer and founder"),
        biography=Tr(
            "Il a déployé avec des écoles et des associations un réseau de capteurs open source "
            "qui mesure la qualité de l'air dans les quartiers de Dakar.",
            "نشر بتعاون مع مدارس وجمعيات شبكة من أجهزة الاستشعار مفتوحة المصدر تقيس جودة الهواء في "
            "أحياء داكار.",
            "With schools and associations he deployed an open-source sensor network that "
            "measures air quality across Dakar's neighbourhoods.",
        ),
    ),
    DemoSpeaker(
        "Ilham Zniber",
        "Zniber Avocats",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Avocate, spécialiste de la protection des données",
            "محامية متخصصة في حماية المعطيات الشخصية",
            "Lawyer specialising in data protection",
        ),
        biography=Tr(
            "Elle conseille administrations et entreprises sur la loi 09-08 relative à la "
            "protection des données personnelles et sur les contrats de partage de données.",
            "تقدم الاستشارة للإدارات والمقاولات بشأن القانون 09-08 المتعلق بحماية المعطيات "
            "الشخصية وعقود تقاسم المعطيات.",
            "She advises public bodies and companies on Morocco's personal data protection law "
            "09-08 and on data-sharing agreements.",
        ),
    ),
    DemoSpeaker(
        "Benoît Girard",
        "Labo Ville Ouverte",
        "Montréal",
        "Canada",
        position=Tr("Directeur", "مدير", "Director"),
        biography=Tr(
            "Il a conçu pour des villes québécoises des consultations qui mêlent plateformes en "
            "ligne et assemblées de quartier, et suit ce que deviennent les idées des habitants.",
            "صمم لمدن في كيبيك مشاورات تجمع بين المنصات الرقمية وجمعيات الأحياء، ويتتبع مآل "
            "أفكار السكان.",
            "He has designed consultations for Quebec cities that combine online platforms and "
            "neighbourhood assemblies, and tracks what becomes of residents' ideas.",
        ),
    ),
    DemoSpeaker(
        "Carmen Vidal",
        "Estudi Front Marítim",
        "Barcelone",
        "Espagne",
        position=Tr(
            "Urbaniste des fronts de mer",
            "مخططة حضرية متخصصة في الواجهات البحرية",
            "Waterfront planner",
        ),
        biography=Tr(
            "Elle a travaillé sur la renaturation de plages urbaines et sur des promenades "
            "capables d'encaisser les tempêtes en Catalogne et au Portugal.",
            "اشتغلت على إعادة الطابع الطبيعي لشواطئ حضرية وعلى كورنيشات قادرة على تحمل العواصف في "
            "كتالونيا والبرتغال.",
            "She has worked on re-naturalising urban beaches and on seafronts built to withstand "
            "storms in Catalonia and Portugal.",
        ),
    ),
    DemoSpeaker(
        "Mohammed Amine Lahrichi",
        "Lahrichi Conseil",
        "Rabat",
        "Maroc",
        position=Tr(
            "Juriste, spécialiste de la commande publique",
            "قانوني متخصص في الصفقات العمومية",
            "Public procurement lawyer",
        ),
        biography=Tr(
            "Ancien acheteur public, il aide les jeunes entreprises à répondre aux appels "
            "d'offres et les collectivités à écrire des cahiers des charges ouverts à "
            "l'innovation.",
            "مشترٍ عمومي سابق، يساعد المقاولات الناشئة على الاستجابة لطلبات العروض، والجماعات "
            "الترابية على صياغة دفاتر تحملات منفتحة على الابتكار.",
            "A former public buyer, he helps young companies answer tenders and local "
            "authorities write specifications that leave room for innovation.",
        ),
    ),
    DemoSpeaker(
        "Anass Lahbabi",
        "Terre & Ville Architectes",
        "Marrakech",
        "Maroc",
        position=Tr(
            "Architecte, commissaire de l'exposition « Terre, pierre, palmier »",
            "مهندس معماري، مفوض معرض «تراب، حجر، نخيل»",
            "Architect, curator of “Earth, stone, palm”",
        ),
        biography=Tr(
            "Il construit en pisé, en pierre et en bois de palmier, et forme des maçons aux "
            "techniques de construction en terre.",
            "يبني بالطابية والحجر وخشب النخيل، ويكوّن البنائين في تقنيات البناء بالتراب.",
            "He builds with rammed earth, stone and palm wood, and trains masons in earth "
            "building techniques.",
        ),
    ),
    DemoSpeaker(
        "Siham Ezzahraoui",
        "Association Science pour tous",
        "Casablanca",
        "Maroc",
        position=Tr("Animatrice scientifique", "منشطة علمية", "Science educator"),
        biography=Tr(
            "Elle fait découvrir les sciences et la programmation aux enfants des quartiers avec "
            "du matériel de récupération.",
            "تُعرّف أطفال الأحياء بالعلوم والبرمجة باستعمال مواد مسترجعة.",
            "She introduces neighbourhood children to science and programming using salvaged "
            "materials.",
        ),
    ),
)
