"""Demo speakers (fictional): associations, cooperatives and startups."""

from demo.records import DemoSpeaker, Tr

FIELD = (
    DemoSpeaker(
        "Khadija Ait Lahcen",
        "Association Hay Hassani Solidaire",
        "Casablanca",
        "Maroc",
        position=Tr("Présidente", "رئيسة", "President"),
        biography=Tr(
            "Son association gère une bibliothèque de quartier, du soutien scolaire et un jardin "
            "partagé à Hay Hassani. Elle a porté le premier projet de budget participatif de son "
            "arrondissement.",
            "تسيّر جمعيتها مكتبة حي ودروسًا للدعم المدرسي وحديقة مشتركة بالحي الحسني، وقد حملت "
            "أول مشروع للميزانية التشاركية في مقاطعتها.",
            "Her association runs a neighbourhood library, homework help and a shared garden in "
            "Hay Hassani. She championed her district's first participatory budget project.",
        ),
    ),
    DemoSpeaker(
        "Brahim Ait Ouarab",
        "Coopérative Souk Al Khair",
        "Casablanca",
        "Maroc",
        position=Tr("Président de la coopérative", "رئيس التعاونية", "Chair of the cooperative"),
        biography=Tr(
            "Ancien marchand ambulant à Derb Omar, il a fondé avec quarante vendeurs une "
            "coopérative qui loue des emplacements dans un marché de proximité.",
            "بائع متجول سابق بدرب عمر، أسس مع أربعين بائعًا تعاونية تكتري أماكن في سوق للقرب.",
            "A former street vendor in Derb Omar, he and forty other vendors founded a "
            "cooperative that rents pitches in a local market.",
        ),
    ),
    DemoSpeaker(
        "Réda Lamrani",
        "Souk Pay",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Cofondateur et directeur général", "مؤسس مشارك ومدير عام", "Co-founder and CEO"
        ),
        biography=Tr(
            "Sa startup offre aux épiciers un paiement mobile par code QR et un carnet de crédit "
            "numérique, sans terminal coûteux.",
            "تقدم شركته الناشئة للبقالين أداءً عبر الهاتف برمز QR ودفترًا رقميًا للكريدي، دون "
            "جهاز دفع مكلف.",
            "His startup gives grocers QR-code mobile payment and a digital credit book, with no "
            "costly card terminal.",
        ),
    ),
    DemoSpeaker(
        "Mustapha Bouzidi",
        "Centre culturel de quartier de Sidi Moumen",
        "Casablanca",
        "Maroc",
        position=Tr("Animateur et coordinateur", "منشط ومنسق", "Youth worker and coordinator"),
        biography=Tr(
            "Il coordonne des ateliers de musique, de théâtre et de code pour les jeunes de Sidi "
            "Moumen, dans le centre qu'il fréquentait lui-même adolescent.",
            "ينسق ورشات في الموسيقى والمسرح والبرمجة لشباب سيدي مومن، في المركز الذي كان يرتاده "
            "هو نفسه في مراهقته.",
            "He coordinates music, theatre and coding workshops for Sidi Moumen's young people, "
            "in the centre he attended himself as a teenager.",
        ),
    ),
    DemoSpeaker(
        "Imane Rachidi",
        "Derb Lab",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Fondatrice du fab lab associatif",
            "مؤسسة المختبر الجمعوي للتصنيع",
            "Founder of the community fab lab",
        ),
        biography=Tr(
            "Ingénieure en électronique, elle a ouvert dans un ancien garage de Sidi Moumen un fab "
            "lab où les jeunes réparent, fabriquent et apprennent à coder.",
            "مهندسة إلكترونيات، فتحت في مرآب قديم بسيدي مومن مختبرًا للتصنيع يُصلح فيه الشباب "
            "ويصنعون ويتعلمون البرمجة.",
            "An electronics engineer, she opened a fab lab in a former garage in Sidi Moumen where "
            "young people repair, make things and learn to code.",
        ),
    ),
    DemoSpeaker(
        "Anas Belkadi",
        "Bladi Signal",
        "Casablanca",
        "Maroc",
        position=Tr("Cofondateur", "مؤسس مشارك", "Co-founder"),
        biography=Tr(
            "Son application permet de signaler nids-de-poule, lampadaires éteints et dépôts "
            "sauvages, puis de suivre leur traitement par les services.",
            "يتيح تطبيقه التبليغ عن الحفر والأعمدة الكهربائية المطفأة والنفايات العشوائية، ثم "
            "تتبع معالجتها من طرف المصالح المختصة.",
            "His app lets residents report potholes, broken street lights and fly-tipping, then "
            "follow how the city deals with them.",
        ),
    ),
    DemoSpeaker(
        "Jamal Ouhadi",
        "Atelier de réparation, Derb Ghallef",
        "Casablanca",
        "Maroc",
        position=Tr("Réparateur en électronique", "مُصلح أجهزة إلكترونية", "Electronics repairer"),
        biography=Tr(
            "Installé depuis trente ans à Derb Ghallef, il répare téléphones, téléviseurs et "
            "électroménager, et forme des apprentis.",
            "يشتغل منذ ثلاثين سنة في درب غلف، يصلح الهواتف وأجهزة التلفاز والأجهزة المنزلية، "
            "ويكوّن المتعلمين.",
            "Based in Derb Ghallef for thirty years, he repairs phones, televisions and household "
            "appliances, and trains apprentices.",
        ),
    ),
    DemoSpeaker(
        "Nezha Filali",
        "Association Dar Lmdina",
        "Casablanca",
        "Maroc",
        position=Tr("Présidente", "رئيسة", "President"),
        biography=Tr(
            "Née dans l'ancienne médina, près de Bab Marrakech, elle porte la voix des familles du "
            "quartier dans les discussions sur sa réhabilitation.",
            "وُلدت في المدينة القديمة قرب باب مراكش، وتحمل صوت أسر الحي في النقاشات حول إعادة "
            "تأهيله.",
            "Born in the old medina near Bab Marrakech, she speaks for its families in the talks "
            "on renovating the district.",
        ),
    ),
    DemoSpeaker(
        "Loubna Skalli",
        "Atelier Skalli Couture",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Couturière, auto-entrepreneure", "خياطة، مقاولة ذاتية", "Dressmaker, self-employed"
        ),
        biography=Tr(
            "Elle a fait de son atelier informel de Derb Sultan une auto-entreprise qui emploie "
            "trois couturières du quartier.",
            "حوّلت ورشتها غير المهيكلة في درب السلطان إلى مقاولة ذاتية تشغّل ثلاث خياطات من الحي.",
            "She turned her informal workshop in Derb Sultan into a registered business that "
            "employs three local dressmakers.",
        ),
    ),
    DemoSpeaker(
        "Othmane Guessous",
        "Triporteur Express",
        "Casablanca",
        "Maroc",
        position=Tr("Fondateur", "مؤسس", "Founder"),
        biography=Tr(
            "Sa startup livre les commerces de l'ancienne médina et du centre-ville en "
            "vélos-cargos électriques, là où les camionnettes ne passent pas.",
            "تتولى شركته الناشئة توصيل السلع إلى متاجر المدينة القديمة ووسط المدينة بدراجات "
            "شحن كهربائية، حيث لا تمر الشاحنات الصغيرة.",
            "His startup delivers to shops in the old medina and downtown by electric cargo bike, "
            "where vans cannot get through.",
        ),
    ),
    DemoSpeaker(
        "Wiam Haddaoui",
        "Tobis Live",
        "Casablanca",
        "Maroc",
        position=Tr("Cofondatrice", "مؤسسة مشاركة", "Co-founder"),
        biography=Tr(
            "Son application estime l'arrivée des bus à partir des positions que partagent les "
            "voyageurs eux-mêmes.",
            "يقدّر تطبيقها موعد وصول الحافلات انطلاقًا من المواقع التي يتقاسمها الركاب أنفسهم.",
            "Her app estimates bus arrival times from locations shared by the passengers "
            "themselves.",
        ),
    ),
    DemoSpeaker(
        "Ayoub Moussaoui",
        "Parkini",
        "Casablanca",
        "Maroc",
        position=Tr("Fondateur", "مؤسس", "Founder"),
        biography=Tr(
            "Parkini loue à l'heure les places de parking inoccupées des immeubles et des "
            "entreprises.",
            "تؤجر «باركيني» بالساعة أماكن الوقوف غير المستغلة في العمارات والمقاولات.",
            "Parkini rents out unused parking spaces in residential buildings and offices by the "
            "hour.",
        ),
    ),
    DemoSpeaker(
        "Kenza Bouhaddou",
        "Hanout Relais",
        "Casablanca",
        "Maroc",
        position=Tr("Cofondatrice", "مؤسسة مشاركة", "Co-founder"),
        biography=Tr(
            "Elle a transformé 300 épiceries de quartier en points relais de colis : un revenu "
            "d'appoint pour les épiciers et moins de trajets de livraison.",
            "حوّلت 300 محل بقالة في الأحياء إلى نقاط لاستلام الطرود: دخل إضافي للبقالين ورحلات "
            "توصيل أقل.",
            "She turned 300 neighbourhood grocers into parcel pick-up points: extra income for "
            "the shops and fewer delivery trips.",
        ),
    ),
    DemoSpeaker(
        "Nassim Fikri",
        "Plastilab",
        "Casablanca",
        "Maroc",
        position=Tr("Fondateur", "مؤسس", "Founder"),
        biography=Tr(
            "Il fabrique des pavés et des briques avec du plastique collecté par des coopératives "
            "de récupérateurs.",
            "يصنع أحجار الرصيف والآجر من البلاستيك الذي تجمعه تعاونيات جامعي النفايات.",
            "He makes paving stones and bricks from plastic collected by waste pickers' "
            "cooperatives.",
        ),
    ),
    DemoSpeaker(
        "Oumaima Jabri",
        "Compost'Derb",
        "Casablanca",
        "Maroc",
        position=Tr("Fondatrice", "مؤسسة", "Founder"),
        biography=Tr(
            "Elle installe des composteurs partagés au pied des immeubles et forme un référent "
            "dans chaque résidence.",
            "تركّب حاويات تسميد مشتركة أسفل العمارات وتكوّن مرجعًا في كل إقامة سكنية.",
            "She installs shared compost bins outside apartment blocks and trains a volunteer in "
            "each building.",
        ),
    ),
    DemoSpeaker(
        "Ilyas Tahiri",
        "Retissé",
        "Casablanca",
        "Maroc",
        position=Tr("Cofondateur", "مؤسس مشارك", "Co-founder"),
        biography=Tr(
            "Son entreprise récupère les chutes de tissu des ateliers de Derb Sultan pour en faire "
            "des sacs et des panneaux isolants.",
            "تسترجع مقاولته بقايا الأثواب من ورشات درب السلطان لتحويلها إلى أكياس وألواح عازلة.",
            "His company collects fabric offcuts from Derb Sultan's workshops and turns them into "
            "bags and insulation panels.",
        ),
    ),
    DemoSpeaker(
        "Rabia Ouakrim",
        "Coopérative Nour des traiteuses de Hay Mohammadi",
        "Casablanca",
        "Maroc",
        position=Tr("Présidente de la coopérative", "رئيسة التعاونية", "Chair of the cooperative"),
        biography=Tr(
            "Elle a réuni en coopérative quinze femmes qui cuisinaient à domicile ; elles "
            "fournissent aujourd'hui des cantines d'entreprise.",
            "جمعت في تعاونية خمس عشرة امرأة كنّ يطبخن في بيوتهن، وهن اليوم يزوّدن مطاعم المقاولات.",
            "She brought fifteen women who cooked at home into a cooperative that now supplies "
            "company canteens.",
        ),
    ),
    DemoSpeaker(
        "Youness Khalil",
        "Bricol'Services",
        "Casablanca",
        "Maroc",
        position=Tr("Fondateur", "مؤسس", "Founder"),
        biography=Tr(
            "Sa plateforme met en relation habitants et artisans du quartier, avec des prix "
            "affichés et des avis vérifiés.",
            "تربط منصته بين السكان وحرفيي الحي، بأسعار معلنة وآراء موثوقة.",
            "His platform connects residents with local tradespeople, with posted prices and "
            "verified reviews.",
        ),
    ),
    DemoSpeaker(
        "Soufiane Darif",
        "Jeunes Bâtisseurs",
        "Casablanca",
        "Maroc",
        position=Tr("Directeur", "مدير", "Director"),
        biography=Tr(
            "Son entreprise d'insertion forme aux métiers du bâtiment des jeunes sortis de "
            "l'école, sur de vrais chantiers de rénovation.",
            "تكوّن مقاولته للإدماج شبابًا غادروا المدرسة في مهن البناء، داخل أوراش ترميم حقيقية.",
            "His work-integration company trains school leavers in building trades on real "
            "renovation sites.",
        ),
    ),
    DemoSpeaker(
        "Youssef Hajji",
        "Communauté OpenStreetMap au Maroc",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Géographe, cartographe bénévole",
            "جغرافي ورسام خرائط متطوع",
            "Geographer, volunteer mapper",
        ),
        biography=Tr(
            "Il organise des cartoparties où les habitants cartographient eux-mêmes trottoirs, "
            "fontaines et commerces de leur quartier.",
            "ينظم لقاءات لرسم الخرائط يرسم فيها السكان بأنفسهم أرصفة أحيائهم وسقاياتها ومتاجرها.",
            "He runs mapping parties where residents map their own neighbourhood's pavements, "
            "fountains and shops.",
        ),
    ),
    DemoSpeaker(
        "Mounia Chafik",
        "Association Hay Mohammadi Verte",
        "Casablanca",
        "Maroc",
        position=Tr("Présidente", "رئيسة", "President"),
        biography=Tr(
            "Son association plante des arbres et entretient des jardins de rue avec les "
            "habitants de Hay Mohammadi.",
            "تغرس جمعيتها الأشجار وتعتني بحدائق الأزقة رفقة سكان الحي المحمدي.",
            "Her association plants trees and looks after street gardens with Hay Mohammadi's "
            "residents.",
        ),
    ),
    DemoSpeaker(
        "Hamid Lotfi",
        "Association des commerçants de Derb Sultan",
        "Casablanca",
        "Maroc",
        position=Tr("Président", "رئيس", "President"),
        biography=Tr(
            "Épicier depuis trente ans, il fédère les commerçants de son quartier autour d'achats "
            "groupés et d'animations de rue.",
            "بقال منذ ثلاثين سنة، يجمع تجار حيه حول الشراء المشترك وتنشيط الأزقة.",
            "A grocer for thirty years, he brings local shopkeepers together for group buying and "
            "street events.",
        ),
    ),
    DemoSpeaker(
        "Samira Haddou",
        "Les Terrasses Nourricières",
        "Casablanca",
        "Maroc",
        position=Tr("Permacultrice", "مزارعة متخصصة في الزراعة المستدامة", "Permaculture gardener"),
        biography=Tr(
            "Elle aménage des potagers sur les toits-terrasses d'écoles et de résidences, et "
            "apprend aux habitants à cultiver avec peu d'eau.",
            "تهيئ حدائق خضروات فوق سطوح المدارس والإقامات، وتعلّم السكان الزراعة بقليل من الماء.",
            "She creates vegetable gardens on the roof terraces of schools and apartment blocks, "
            "and teaches residents to grow food with little water.",
        ),
    ),
    DemoSpeaker(
        "Fatiha El Khattabi",
        "Coopérative Nadafa des récupératrices",
        "Casablanca",
        "Maroc",
        position=Tr("Présidente", "رئيسة", "President"),
        biography=Tr(
            "Ancienne récupératrice sur une décharge, elle préside une coopérative de tri qui "
            "assure à ses membres un revenu régulier et une couverture sociale.",
            "جامعة نفايات سابقة في مطرح، ترأس تعاونية للفرز تضمن لعضواتها دخلًا منتظمًا وتغطية "
            "اجتماعية.",
            "A former waste picker at a landfill, she chairs a sorting cooperative that gives its "
            "members a steady income and social insurance.",
        ),
    ),
    DemoSpeaker(
        "Asmae Rhazi",
        "Association Casa Vélo",
        "Casablanca",
        "Maroc",
        position=Tr("Coordinatrice", "منسقة", "Coordinator"),
        biography=Tr(
            "Elle organise des balades à vélo et des ateliers d'autoréparation, et plaide pour "
            "des pistes cyclables continues.",
            "تنظم جولات بالدراجة وورشات للإصلاح الذاتي، وتدافع عن مسالك متصلة للدراجات.",
            "She organises bike rides and self-repair workshops, and campaigns for continuous "
            "cycle lanes.",
        ),
    ),
    DemoSpeaker(
        "Marwa Echarki",
        "Sol'Eau",
        "Casablanca",
        "Maroc",
        position=Tr("Fondatrice", "مؤسسة", "Founder"),
        biography=Tr(
            "Elle fabrique, avec de l'argile locale, des filtres à eau en céramique qui "
            "fonctionnent sans électricité.",
            "تصنع من الطين المحلي مصافي ماء خزفية تعمل دون كهرباء.",
            "She makes ceramic water filters from local clay that work without electricity.",
        ),
    ),
    DemoSpeaker(
        "Hatim Sentissi",
        "Ghaith",
        "Casablanca",
        "Maroc",
        position=Tr("Cofondateur", "مؤسس مشارك", "Co-founder"),
        biography=Tr(
            "Sa startup installe la récupération d'eau de pluie et la réutilisation des eaux "
            "grises dans les écoles et les hammams.",
            "تركّب شركته الناشئة أنظمة لتجميع مياه الأمطار وإعادة استعمال المياه الرمادية في "
            "المدارس والحمامات.",
            "His startup installs rainwater harvesting and greywater reuse in schools and hammams.",
        ),
    ),
    DemoSpeaker(
        "Ines Lazaar",
        "Chemsi Cuisine",
        "Casablanca",
        "Maroc",
        position=Tr("Fondatrice", "مؤسسة", "Founder"),
        biography=Tr(
            "Elle conçoit des fours et des séchoirs solaires pour les coopératives et les "
            "traiteurs.",
            "تصمم أفرانًا ومجففات شمسية للتعاونيات ومتعهدي الحفلات.",
            "She designs solar ovens and dryers for cooperatives and caterers.",
        ),
    ),
    DemoSpeaker(
        "Ghizlane Amraoui",
        "Sawt Al Hay",
        "Casablanca",
        "Maroc",
        position=Tr("Fondatrice", "مؤسسة", "Founder"),
        biography=Tr(
            "Sa plateforme recueille l'avis des habitants par SMS et par messages vocaux en "
            "darija, pour que celles et ceux qui ne lisent pas puissent aussi participer.",
            "تجمع منصتها آراء السكان عبر الرسائل القصيرة والرسائل الصوتية بالدارجة، حتى يتمكن من "
            "لا يقرؤون من المشاركة أيضًا.",
            "Her platform collects residents' views by text and voice message in Darija, so that "
            "people who cannot read can take part too.",
        ),
    ),
    DemoSpeaker(
        "Achraf Benyahia",
        "Doc'Hay",
        "Casablanca",
        "Maroc",
        position=Tr("Cofondateur", "مؤسس مشارك", "Co-founder"),
        biography=Tr(
            "Il cartographie avec les habitants les services publics de proximité (centres de "
            "santé, guichets, écoles) et les tient à jour.",
            "يرسم رفقة السكان خرائط الخدمات العمومية للقرب (المراكز الصحية والشبابيك والمدارس) "
            "ويحرص على تحيينها.",
            "With residents he maps local public services (health centres, offices, schools) and "
            "keeps the map up to date.",
        ),
    ),
)
