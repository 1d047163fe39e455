"""Day 2 (Thursday 26 May 2022) in the two breakout rooms, Médina and Oasis."""

from demo.records import DemoSession, Tr

DAY2_ROOMS = (
    DemoSession(
        key="d2-charte-donnees",
        day=2,
        start="11:00",
        end="12:30",
        space="salle-medina",
        kind="workshop",
        pivot="gouvernance-bottom-up",
        languages="fr",
        title=Tr(
            "Atelier : écrire une charte de gouvernance des données urbaines",
            "ورشة: صياغة ميثاق لحكامة المعطيات الحضرية",
            "Workshop: drafting an urban data governance charter",
        ),
        abstract=Tr(
            "Capteurs, caméras, applications de mobilité : la ville collecte de plus en plus de "
            "données, souvent par des prestataires privés. Avec une avocate spécialiste de la loi "
            "09-08 et un laboratoire montréalais, les participants rédigent les principes d'une "
            "charte : ce qui est collecté, qui y a accès, ce qui est publié, comment les "
            "habitants peuvent s'y opposer.",
            "أجهزة استشعار وكاميرات وتطبيقات للتنقل: تجمع المدينة معطيات متزايدة، في الغالب عبر "
            "متعهدين خواص. رفقة محامية متخصصة في القانون 09-08 ومختبر من مونتريال، يصوغ المشاركون "
            "مبادئ ميثاق يحدد ما يُجمع، ومن يحق له الاطلاع عليه، وما يُنشر، وكيف يمكن للسكان "
            "الاعتراض.",
            "Sensors, cameras, mobility apps: the city collects more and more data, often through "
            "private contractors. With a lawyer specialising in law 09-08 and a Montreal lab, "
            "participants draft the principles of a charter: what is collected, who can access "
            "it, what is published, and how residents can object.",
        ),
        speakers=("Ilham Zniber", "Benoît Girard"),
    ),
    DemoSession(
        key="d2-derb-sultan",
        day=2,
        start="14:00",
        end="14:45",
        space="salle-medina",
        kind="talk",
        pivot="innovation-communautaire",
        languages="fr,ar",
        title=Tr(
            "Derb Sultan : quand les commerçants réinventent leur quartier",
            "درب السلطان: حين يعيد التجار ابتكار حيّهم",
            "Derb Sultan: shopkeepers reinventing their neighbourhood",
        ),
        abstract=Tr(
            "Achats groupés entre épiciers, rues commerçantes animées pendant le Ramadan, atelier "
            "de couture qui forme les jeunes du quartier : à Derb Sultan, les commerçants "
            "s'organisent sans attendre. Un président d'association et une couturière racontent "
            "comment.",
            "شراء مشترك بين البقالين، وتنشيط الأزقة التجارية خلال رمضان، وورشة خياطة تكوّن شباب "
            "الحي: في درب السلطان، ينظم التجار أنفسهم دون انتظار. يحكي رئيس جمعية وخياطة كيف يتم "
            "ذلك.",
            "Group buying among grocers, shopping streets brought to life during Ramadan, a "
            "sewing workshop training local young people: in Derb Sultan, shopkeepers organise "
            "themselves without waiting. An association president and a dressmaker explain how.",
        ),
        speakers=("Hamid Lotfi", "Loubna Skalli"),
    ),
    DemoSession(
        key="d2-panel-intelligence-collective",
        day=2,
        start="15:00",
        end="16:30",
        space="salle-medina",
        kind="panel",
        pivot="gouvernance-bottom-up",
        languages="fr,ar",
        title=Tr(
            "Intelligence collective : consulter en ligne et sur la place publique",
            "الذكاء الجماعي: التشاور عبر الإنترنت وفي الساحة العمومية",
            "Collective intelligence: consulting online and in the public square",
        ),
        abstract=Tr(
            "Les plateformes de participation en ligne attirent surtout de jeunes diplômés ; les "
            "réunions de quartier, des retraités et des notables. Comment entendre tout le "
            "monde ? Une élue, une sociologue, un fondateur de civic tech et un laboratoire "
            "montréalais comparent leurs méthodes, et surtout ce que deviennent les idées "
            "recueillies.",
            "تستقطب منصات المشاركة الرقمية في الغالب الشباب حاملي الشهادات، بينما تستقطب اجتماعات "
            "الأحياء المتقاعدين والأعيان. كيف نُصغي إلى الجميع؟ تقارن منتخبة وباحثة في علم "
            "الاجتماع "
            "ومؤسس منصة للتكنولوجيا المدنية ومختبر من مونتريال مناهجهم، ولا سيما مآل الأفكار التي "
            "يتم جمعها.",
            "Online participation platforms mostly attract young graduates; neighbourhood "
            "meetings draw retirees and local notables. How can everyone be heard? A councillor, "
            "a sociologist, a civic-tech founder and a Montreal lab compare their methods, and "
            "above all what happens to the ideas collected.",
        ),
        moderator="Meryem Lazrak",
        panelists=("Nadia Alaoui Mdaghri", "Sanae El Ouafi", "Anas Belkadi", "Benoît Girard"),
    ),
    DemoSession(
        key="d2-paiement-mobile",
        day=2,
        start="16:45",
        end="17:30",
        space="salle-medina",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr",
        title=Tr(
            "Paiement mobile et petits commerçants : sortir de l'informel pas à pas",
            "الأداء عبر الهاتف وصغار التجار: الخروج من القطاع غير المهيكل خطوة بخطوة",
            "Mobile payment and small shopkeepers: leaving the informal economy step by step",
        ),
        abstract=Tr(
            "Le carnet de crédit de l'épicier, le fameux « karné », peut devenir la première "
            "trace comptable d'un commerce. Une économiste et un fondateur de fintech montrent "
            "comment un paiement mobile simple peut ouvrir l'accès au crédit et à la protection "
            "sociale, et où s'arrête l'approche.",
            "يمكن لدفتر «الكريدي» لدى البقال أن يصبح أول أثر محاسبي لمتجر صغير. تبيّن خبيرة "
            "اقتصادية ومؤسس شركة للتكنولوجيا المالية كيف يمكن لأداء بسيط عبر الهاتف أن يفتح باب "
            "التمويل والحماية الاجتماعية، وما هي حدود هذه المقاربة.",
            "The grocer's credit notebook, the famous karné, can become a shop's first "
            "bookkeeping record. An economist and a fintech founder show how simple mobile "
            "payment can open access to credit and social protection, and where the approach "
            "falls short.",
        ),
        speakers=("Fatima Zahra Ouchen", "Réda Lamrani"),
    ),
    DemoSession(
        key="d2-potager-terrasse",
        day=2,
        start="11:00",
        end="12:30",
        space="salle-oasis",
        kind="workshop",
        pivot="low-tech",
        languages="fr,ar",
        title=Tr(
            "Atelier : un potager sur la terrasse",
            "ورشة: حديقة خضروات فوق السطح",
            "Workshop: a vegetable garden on the roof terrace",
        ),
        abstract=Tr(
            "Les toits-terrasses casablancais forment une surface immense et souvent inutilisée. "
            "Une permacultrice et une spécialiste du compost montrent comment y cultiver avec peu "
            "d'eau : bacs en matériaux de récupération, paillage, compost de quartier, plantes "
            "adaptées au climat côtier. Chaque participant repart avec un plan et des semences.",
            "تمثل سطوح المنازل البيضاوية مساحة شاسعة وغير مستغلة في الغالب. تبيّن مزارعة متخصصة في "
            "الزراعة المستدامة ومختصة في التسميد كيف يمكن الزراعة فيها بقليل من الماء: أحواض من "
            "مواد مسترجعة، وتغطية التربة، وسماد الحي، ونباتات ملائمة للمناخ الساحلي. ويغادر كل "
            "مشارك بتصميم وبذور.",
            "Casablanca's flat roofs are a vast, mostly unused surface. A permaculture gardener "
            "and a compost specialist show how to grow food there with little water: planters "
            "from salvaged materials, mulching, neighbourhood compost, plants suited to the "
            "coastal climate. Every participant leaves with a plan and seeds.",
        ),
        speakers=("Samira Haddou", "Oumaima Jabri"),
    ),
    DemoSession(
        key="d2-recuperateurs",
        day=2,
        start="14:00",
        end="14:45",
        space="salle-oasis",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,ar",
        title=Tr(
            "Des récupérateurs informels aux coopératives de tri",
            "من جامعي النفايات غير المهيكلين إلى تعاونيات الفرز",
            "From informal waste pickers to sorting cooperatives",
        ),
        abstract=Tr(
            "Des milliers de récupérateurs trient chaque jour les déchets de la métropole, dans "
            "la rue ou sur les décharges, sans contrat ni protection. La présidente d'une "
            "coopérative de récupératrices et une militante de l'économie solidaire de Dakar "
            "racontent comment s'organiser, négocier avec les délégataires et obtenir une "
            "couverture sociale.",
            "يفرز آلاف جامعي النفايات يوميًا نفايات الحاضرة، في الشوارع أو في المطارح، دون عقد أو "
            "حماية. تحكي رئيسة تعاونية لجامعات النفايات وناشطة في الاقتصاد التضامني من داكار كيف "
            "يمكن التنظيم، والتفاوض مع الشركات المفوَّض لها، والحصول على التغطية الاجتماعية.",
            "Thousands of waste pickers sort the metropolis's rubbish every day, in the streets "
            "or at landfills, with no contract or protection. The chair of a women waste "
            "pickers' cooperative and a Dakar solidarity-economy activist explain how to "
            "organise, negotiate with the concession holders and win social insurance.",
        ),
        speakers=("Fatiha El Khattabi", "Aminata Diallo"),
    ),
    DemoSession(
        key="d2-panel-corniche",
        day=2,
        start="15:00",
        end="16:30",
        space="salle-oasis",
        kind="panel",
        pivot="transition-ecologique",
        languages="fr,en",
        title=Tr(
            "La corniche face à la mer qui monte",
            "الكورنيش في مواجهة البحر الذي يرتفع",
            "The corniche and the rising sea",
        ),
        abstract=Tr(
            "Érosion des plages, tempêtes qui franchissent la promenade, constructions au plus "
            "près de l'eau : le littoral de Casablanca, d'Aïn Diab à Dar Bouazza, est en première "
            "ligne. Un géologue, un paysagiste, une urbaniste et une architecte discutent des "
            "choix possibles : protéger, s'adapter ou reculer.",
            "تآكل الشواطئ، وعواصف تتجاوز الممشى، وبنايات في أقرب نقطة من الماء: يقف ساحل الدار "
            "البيضاء، من عين الذئاب إلى دار بوعزة، في الخط الأمامي. يناقش جيولوجي ومهندس مناظر "
            "ومخططة حضرية ومهندسة معمارية الخيارات الممكنة: الحماية أو التكيف أو التراجع.",
            "Eroding beaches, storms breaking over the promenade, buildings right at the water's "
            "edge: Casablanca's coastline, from Aïn Diab to Dar Bouazza, is on the front line. A "
            "geologist, a landscape architect, a planner and an architect discuss the options: "
            "protect, adapt or retreat.",
        ),
        moderator="Hind Berrada",
        panelists=("Abdessamad Jellal", "Thomas Vermeulen", "Carmen Vidal", "Zineb Benamar"),
    ),
    DemoSession(
        key="d2-velo",
        day=2,
        start="16:45",
        end="17:30",
        space="salle-oasis",
        kind="talk",
        pivot="low-tech",
        languages="fr,ar",
        title=Tr(
            "Le vélo à Casablanca : pistes, ateliers et vélos-cargos",
            "الدراجة في الدار البيضاء: مسالك وورشات ودراجات شحن",
            "Cycling in Casablanca: lanes, workshops and cargo bikes",
        ),
        abstract=Tr(
            "Plate et au climat doux, Casablanca a tout pour le vélo, sauf des pistes continues "
            "et des stationnements sûrs. Une association de cyclistes et un livreur en vélo-cargo "
            "présentent leurs propositions pour relier les quartiers au tramway et au busway.",
            "مدينة منبسطة ذات مناخ معتدل، تملك الدار البيضاء كل المؤهلات لاستعمال الدراجة، "
            "باستثناء "
            "المسالك المتصلة والمرائب الآمنة. تقدم جمعية لراكبي الدراجات ومقاول في التوصيل بدراجات "
            "الشحن مقترحاتهما لربط الأحياء بالترامواي والباصواي.",
            "Flat and mild, Casablanca has everything for cycling except continuous lanes and "
            "safe bike parking. A cyclists' association and a cargo-bike delivery founder present "
            "their proposals to connect neighbourhoods to the tramway and busway.",
        ),
        speakers=("Asmae Rhazi", "Othmane Guessous"),
    ),
)
