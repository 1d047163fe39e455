"""Day 2 (Thursday 26 May 2022): exhibition hall, Startup Village, Open
Innovation Lounge and the Smart City Connect public square."""

from demo.records import DemoSession, Tr

DAY2_OPEN = (
    DemoSession(
        key="d2-expo-terre-pierre-palmier",
        day=2,
        start="09:30",
        end="17:30",
        space="hall-expositions",
        kind="exhibition",
        pivot="transition-ecologique",
        languages="fr,ar,en",
        title=Tr(
            "Exposition « Terre, pierre, palmier » : matériaux locaux pour une ville bioclimatique",
            "معرض «تراب، حجر، نخيل»: مواد محلية لمدينة بيومناخية",
            "“Earth, stone, palm” exhibition: local materials for a bioclimatic city",
        ),
        abstract=Tr(
            "Murs en pisé, voûtes en pierre, claustras en bois de palmier, blocs de terre "
            "comprimée : maquettes et échantillons à l'appui, l'exposition montre comment les "
            "matériaux locaux gardent les logements frais sans climatisation. Un mur d'essai "
            "permet de sentir sous la main la différence entre un bloc de béton et un bloc de "
            "terre.",
            "جدران من الطابية، وأقواس من الحجر، ومشربيات من خشب النخيل، وقوالب من التراب المضغوط: "
            "يبيّن المعرض، بالمجسمات والعينات، كيف تحافظ المواد المحلية على برودة المساكن دون "
            "مكيفات. ويتيح جدار تجريبي الإحساس باليد بالفرق بين قالب من الخرسانة وقالب من التراب.",
            "Rammed-earth walls, stone vaults, palm-wood screens, compressed earth blocks: with "
            "models and samples, the exhibition shows how local materials keep homes cool "
            "without air conditioning. A test wall lets visitors feel the difference between a "
            "concrete block and an earth block with their own hands.",
        ),
        speakers=("Anass Lahbabi",),
    ),
    DemoSession(
        key="d2-pitchs-eau-climat",
        day=2,
        start="11:00",
        end="12:00",
        space="startup-village",
        kind="talk",
        pivot="transition-ecologique",
        languages="fr",
        title=Tr(
            "Pitchs du Startup Village #4 : eau, énergie et climat",
            "عروض قرية الشركات الناشئة 4: الماء والطاقة والمناخ",
            "Startup Village pitches #4: water, energy and climate",
        ),
        abstract=Tr(
            "Filtres à eau en argile sans électricité, récupération d'eau de pluie dans les "
            "écoles et les hammams, fours et séchoirs solaires pour les coopératives : trois "
            "startups montrent que l'adaptation au climat peut être simple et bon marché.",
            "مصافٍ للماء من الطين تعمل دون كهرباء، وتجميع مياه الأمطار في المدارس والحمامات، "
            "وأفران ومجففات شمسية للتعاونيات: تبيّن ثلاث شركات ناشئة أن التكيف مع المناخ يمكن أن "
            "يكون بسيطًا وزهيد الكلفة.",
            "Clay water filters that need no electricity, rainwater harvesting in schools and "
            "hammams, solar ovens and dryers for cooperatives: three startups show that climate "
            "adaptation can be simple and cheap.",
        ),
        moderator="Sami Bennis",
        speakers=("Marwa Echarki", "Hatim Sentissi", "Ines Lazaar"),
    ),
    DemoSession(
        key="d2-commande-publique",
        day=2,
        start="12:00",
        end="12:45",
        space="startup-village",
        kind="talk",
        pivot="gouvernance-bottom-up",
        languages="fr",
        title=Tr(
            "Vendre à une collectivité quand on est une startup",
            "كيف تبيع شركة ناشئة خدماتها لجماعة ترابية",
            "Selling to a local authority as a startup",
        ),
        abstract=Tr(
            "Appels d'offres, bons de commande, conventions d'expérimentation : les règles de la "
            "commande publique marocaine laissent plus de place à l'innovation qu'on ne le croit. "
            "Un ancien acheteur public explique les procédures adaptées aux jeunes entreprises et "
            "les erreurs qui font écarter un dossier.",
            "طلبات العروض، وسندات الطلب، واتفاقيات التجريب: تترك قواعد الصفقات العمومية المغربية "
            "للابتكار مجالًا أوسع مما يُعتقد. يشرح مشترٍ عمومي سابق المساطر الملائمة للمقاولات "
            "الناشئة والأخطاء التي تؤدي إلى إقصاء الملفات.",
            "Tenders, purchase orders, pilot agreements: Moroccan public procurement rules leave "
            "more room for innovation than people think. A former public buyer explains the "
            "procedures suited to young companies and the mistakes that get an application "
            "rejected.",
        ),
        speakers=("Mohammed Amine Lahrichi",),
    ),
    DemoSession(
        key="d2-pitchs-civic-tech",
        day=2,
        start="14:00",
        end="15:00",
        space="startup-village",
        kind="talk",
        pivot="gouvernance-bottom-up",
        languages="fr,ar",
        title=Tr(
            "Pitchs du Startup Village #5 : civic tech et participation",
            "عروض قرية الشركات الناشئة 5: التكنولوجيا المدنية والمشاركة",
            "Startup Village pitches #5: civic tech and participation",
        ),
        abstract=Tr(
            "Consulter les habitants par SMS et messages vocaux en darija, cartographier les "
            "services publics de proximité, estimer l'arrivée des bus grâce aux voyageurs : trois "
            "startups qui misent sur la participation des habitants présentent leurs résultats.",
            "استشارة السكان عبر الرسائل القصيرة والرسائل الصوتية بالدارجة، ورسم خرائط الخدمات "
            "العمومية للقرب، وتقدير موعد وصول الحافلات بفضل الركاب: تعرض ثلاث شركات ناشئة تراهن "
            "على "
            "مشاركة السكان نتائجها.",
            "Consulting residents by text and voice message in Darija, mapping local public "
            "services, estimating bus arrivals with riders' help: three startups betting on "
            "residents' participation present their results.",
        ),
        moderator="Lina Sefrioui",
        speakers=("Ghizlane Amraoui", "Achraf Benyahia", "Wiam Haddaoui"),
    ),
    DemoSession(
        key="d2-grand-pitch-final",
        day=2,
        start="15:45",
        end="16:45",
        space="startup-village",
        kind="talk",
        pivot="entrepreneuriat-social",
        languages="fr,en",
        title=Tr(
            "Grand pitch final du Startup Village",
            "العرض النهائي الكبير لقرية الشركات الناشئة",
            "Startup Village grand final",
        ),
        abstract=Tr(
            "Les quatre finalistes retenus par le jury après deux jours de pitchs ont sept "
            "minutes pour convaincre. Le jury délibère ensuite à huis clos ; les prix sont remis "
            "en salle plénière à 17 h 15.",
            "يتوفر المتأهلون الأربعة الذين اختارتهم لجنة التحكيم بعد يومين من العروض على سبع دقائق "
            "للإقناع. ثم تتداول اللجنة في جلسة مغلقة، وتُسلَّم الجوائز في القاعة العامة على الساعة "
            "الخامسة والربع مساءً.",
            "The four finalists chosen by the jury after two days of pitches have seven minutes "
            "to convince. The jury then deliberates behind closed doors; the prizes are awarded "
            "in the plenary hall at 5.15 pm.",
        ),
        moderator="Sami Bennis",
        speakers=("Nassim Fikri", "Ghizlane Amraoui", "Youness Khalil", "Marwa Echarki"),
    ),
    DemoSession(
        key="d2-speed-meeting",
        day=2,
        start="11:00",
        end="12:00",
        space="open-innovation-lounge",
        kind="workshop",
        pivot="innovation-communautaire",
        languages="fr,en",
        title=Tr(
            "Speed-meeting : startups et collectivités territoriales",
            "لقاءات سريعة: الشركات الناشئة والجماعات الترابية",
            "Speed meeting: startups and local authorities",
        ),
        abstract=Tr(
            "Des rencontres de sept minutes entre startups et agents des communes, des "
            "arrondissements et des sociétés de développement local, pour repérer les besoins "
            "réels des services et les pilotes possibles. Inscription préalable au lounge.",
            "لقاءات مدتها سبع دقائق بين الشركات الناشئة وموظفي الجماعات والمقاطعات وشركات التنمية "
            "المحلية، بهدف رصد الحاجيات الفعلية للمصالح والمشاريع النموذجية الممكنة. التسجيل "
            "المسبق "
            "في فضاء الابتكار المفتوح.",
            "Seven-minute meetings between startups and staff from communes, districts and local "
            "development companies, to identify the services' real needs and possible pilots. "
            "Register in advance at the lounge.",
        ),
        speakers=("Lina Sefrioui", "Omar Benchekroun"),
    ),
    DemoSession(
        key="d2-pilote-grand-groupe",
        day=2,
        start="15:30",
        end="16:30",
        space="open-innovation-lounge",
        kind="talk",
        pivot="innovation-communautaire",
        languages="fr,en",
        title=Tr(
            "Grand groupe et startup : retour sur un pilote réussi",
            "مجموعة كبرى وشركة ناشئة: عودة على تجربة نموذجية ناجحة",
            "Large company meets startup: looking back at a successful pilot",
        ),
        abstract=Tr(
            "Il y a un an, un groupe de BTP et une startup de partage de parkings se "
            "rencontraient au lounge. Ils racontent les six mois de pilote qui ont suivi : "
            "contrat, assurance, données partagées, ce qui a failli tout faire échouer, et les "
            "résultats.",
            "قبل سنة، التقت مجموعة للبناء والأشغال العمومية وشركة ناشئة لتقاسم مواقف السيارات في "
            "فضاء الابتكار المفتوح. يحكيان عن ستة أشهر من التجربة النموذجية التي تلت ذلك: العقد "
            "والتأمين وتقاسم المعطيات، وما كاد يُفشل كل شيء، والنتائج.",
            "A year ago, a construction group and a parking-sharing startup met at the lounge. "
            "They tell the story of the six-month pilot that followed: contract, insurance, "
            "shared data, what nearly made it fail, and the results.",
        ),
        speakers=("Nabil Guerraoui", "Ayoub Moussaoui"),
    ),
    DemoSession(
        key="d2-atelier-enfants",
        day=2,
        start="10:00",
        end="13:00",
        space="smart-city-connect",
        kind="workshop",
        pivot="low-tech",
        languages="ar,fr",
        title=Tr(
            "Atelier enfants : construis ta ville en carton et en capteurs",
            "ورشة الأطفال: ابنِ مدينتك من الكرتون وأجهزة الاستشعار",
            "Children's workshop: build your city from cardboard and sensors",
        ),
        abstract=Tr(
            "Les enfants de 8 à 14 ans construisent une maquette de quartier en carton de "
            "récupération, puis y installent de petits capteurs programmables qui allument les "
            "lampadaires la nuit ou mesurent la chaleur. Séances de 45 minutes, matériel fourni.",
            "يبني الأطفال من 8 إلى 14 سنة مجسمًا لحي من الكرتون المسترجع، ثم يثبتون فيه أجهزة "
            "استشعار صغيرة قابلة للبرمجة تُشعل أعمدة الإنارة ليلًا أو تقيس الحرارة. حصص من 45 "
            "دقيقة، والمعدات متوفرة.",
            "Children aged 8 to 14 build a neighbourhood model from salvaged cardboard, then fit "
            "it with small programmable sensors that switch on street lights at night or measure "
            "heat. 45-minute sessions, materials provided.",
        ),
        speakers=("Siham Ezzahraoui", "Imane Rachidi"),
    ),
    DemoSession(
        key="d2-repare-ton-velo",
        day=2,
        start="14:00",
        end="16:00",
        space="smart-city-connect",
        kind="workshop",
        pivot="low-tech",
        languages="ar,fr",
        title=Tr("Atelier : répare ton vélo", "ورشة: أصلح دراجتك", "Workshop: fix your bike"),
        abstract=Tr(
            "Crevaison, freins, chaîne, dérailleur : venez avec votre vélo et apprenez à "
            "l'entretenir vous-même, avec les outils de l'association Casa Vélo et les conseils "
            "d'un réparateur de Derb Ghallef.",
            "ثقب في العجلة، أو الفرامل، أو السلسلة، أو مغيّر السرعات: أحضروا دراجاتكم وتعلموا "
            "صيانتها بأنفسكم، بأدوات جمعية «كازا فيلو» ونصائح مُصلح من درب غلف.",
            "Punctures, brakes, chain, gears: bring your bike and learn to look after it "
            "yourself, with Casa Vélo's tools and advice from a Derb Ghallef repairer.",
        ),
        speakers=("Asmae Rhazi", "Jamal Ouhadi"),
    ),
    DemoSession(
        key="d2-debat-eau",
        day=2,
        start="16:30",
        end="17:30",
        space="smart-city-connect",
        kind="debate",
        pivot="transition-ecologique",
        languages="ar,fr",
        title=Tr(
            "Débat : l'eau, chaque goutte compte",
            "نقاش: الماء، كل قطرة لها قيمتها",
            "Debate: water, every drop counts",
        ),
        abstract=Tr(
            "Coupures la nuit, arrosage des pelouses, hammams, lavage des voitures : face à la "
            "sécheresse, où économiser d'abord ? Un ingénieur de l'eau, une permacultrice, une "
            "startup de récupération d'eau de pluie et une association de quartier répondent au "
            "public.",
            "انقطاعات ليلية، وسقي العشب، والحمامات، وغسل السيارات: في مواجهة الجفاف، أين ينبغي "
            "الاقتصاد أولًا؟ يجيب مهندس في قطاع الماء ومزارعة متخصصة في الزراعة المستدامة وشركة "
            "ناشئة لتجميع مياه الأمطار وجمعية حي عن أسئلة الجمهور.",
            "Night-time cuts, watering lawns, hammams, car washing: in a drought, where should we "
            "save first? A water engineer, a permaculture gardener, a rainwater startup and a "
            "neighbourhood association answer the audience.",
        ),
        moderator="Mouad Zemmouri",
        panelists=("Abdelilah Mansouri", "Samira Haddou", "Hatim Sentissi", "Mounia Chafik"),
    ),
    DemoSession(
        key="d2-debat-emploi-jeunes",
        day=2,
        start="18:00",
        end="19:00",
        space="smart-city-connect",
        kind="debate",
        pivot="entrepreneuriat-social",
        languages="ar,fr",
        title=Tr(
            "Débat : jeunes et emploi, l'économie sociale face à l'informel",
            "نقاش: الشباب والشغل، الاقتصاد الاجتماعي في مواجهة القطاع غير المهيكل",
            "Debate: young people and jobs, the social economy versus the informal sector",
        ),
        abstract=Tr(
            "Pour beaucoup de jeunes Casablancais, le premier revenu vient de l'informel. "
            "Coopératives, entreprises d'insertion et auto-entreprise peuvent-elles offrir "
            "mieux ? Un slameur, un ancien marchand ambulant, une présidente de coopérative et un "
            "directeur d'entreprise sociale en débattent avec le public.",
            "بالنسبة لكثير من شباب الدار البيضاء، يأتي أول دخل من القطاع غير المهيكل. فهل تستطيع "
            "التعاونيات ومقاولات الإدماج والمقاولة الذاتية أن تقدم الأفضل؟ يناقش ذلك مع الجمهور "
            "شاعر "
            "سلام وبائع متجول سابق ورئيسة تعاونية ومدير مقاولة اجتماعية.",
            "For many young Casablancans, their first income comes from the informal economy. "
            "Can cooperatives, work-integration companies and self-employment offer something "
            "better? A slam poet, a former street vendor, a cooperative chair and a social "
            "enterprise director debate with the audience.",
        ),
        moderator="Mouad Zemmouri",
        panelists=("Zakaria Amellal", "Brahim Ait Ouarab", "Rabia Ouakrim", "Soufiane Darif"),
    ),
    DemoSession(
        key="d2-medina-augmentee",
        day=2,
        start="19:15",
        end="20:00",
        space="smart-city-connect",
        kind="show",
        pivot="transition-ecologique",
        languages="ar,fr",
        title=Tr(
            "La médina augmentée : une ville fraîche à travers les siècles",
            "المدينة القديمة المعززة: مدينة منعشة عبر القرون",
            "The augmented medina: a cool city through the centuries",
        ),
        abstract=Tr(
            "Tablette en main, le public parcourt une reconstitution de l'ancienne médina en "
            "réalité augmentée : ruelles étroites qui font de l'ombre, patios qui rafraîchissent "
            "l'air, murs épais qui gardent la fraîcheur. Une habitante de la médina raconte la vie "
            "dans ces maisons, hier et aujourd'hui.",
            "بلوحة إلكترونية في اليد، يتجول الجمهور في محاكاة للمدينة القديمة بتقنية الواقع "
            "المعزز: "
            "أزقة ضيقة توفر الظل، وصحون دور تلطّف الجو، وجدران سميكة تحفظ البرودة. وتحكي ساكنة من "
            "المدينة القديمة عن الحياة في هذه الدور، بالأمس واليوم.",
            "Tablet in hand, the audience walks through an augmented-reality reconstruction of "
            "the old medina: narrow lanes that cast shade, courtyards that cool the air, thick "
            "walls that hold the cool. A medina resident describes life in these houses, then "
            "and now.",
        ),
        speakers=("Rayane Ziani", "Nezha Filali"),
    ),
    DemoSession(
        key="d2-mapping-final",
        day=2,
        start="20:30",
        end="21:30",
        space="smart-city-connect",
        kind="show",
        pivot="innovation-communautaire",
        languages="ar,fr",
        title=Tr(
            "Mapping final : Casablanca, lumières communes",
            "العرض الختامي: الدار البيضاء، أضواء مشتركة",
            "Closing mapping: Casablanca, shared lights",
        ),
        abstract=Tr(
            "Pour clore le symposium, le collectif Lumen Casa projette sur la façade les idées "
            "laissées par le public pendant deux jours sur le tableau d'idées et dans les "
            "installations interactives, au son du guembri d'un maâlem gnaoua. Gratuit, sans "
            "réservation.",
            "لاختتام الملتقى، يعرض فريق «لومن كازا» على الواجهة الأفكار التي تركها الجمهور طيلة "
            "يومين في لوحة الأفكار وفي المنشآت التفاعلية، على إيقاع كمبري معلم كناوي. مجانًا ودون "
            "حجز.",
            "To close the symposium, the Lumen Casa collective projects onto the façade the "
            "ideas the public left over two days on the ideas board and in the interactive "
            "installations, to the sound of a Gnawa maâlem's guembri. Free, no booking.",
        ),
        speakers=("Mehdi Alami", "Larbi Soussi"),
    ),
)
