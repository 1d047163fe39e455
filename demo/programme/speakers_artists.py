"""Demo speakers (fictional): the artists and performers of Smart City Connect."""

from demo.records import DemoSpeaker, Tr

ARTISTS = (
    DemoSpeaker(
        "Mehdi Alami",
        "Collectif Lumen Casa",
        "Casablanca",
        "Maroc",
        position=Tr("Artiste numérique", "فنان رقمي", "Digital artist"),
        biography=Tr(
            "Il crée des projections monumentales et des installations interactives à partir "
            "d'archives et de récits recueillis auprès des habitants.",
            "يبدع عروضًا ضوئية ضخمة ومنشآت تفاعلية انطلاقًا من أرشيفات وحكايات يجمعها من السكان.",
            "He creates monumental projections and interactive installations from archives and "
            "stories gathered from residents.",
        ),
    ),
    DemoSpeaker(
        "Rayane Ziani",
        "Studio Immersia",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Réalisateur en réalité virtuelle",
            "مخرج أفلام الواقع الافتراضي",
            "Virtual reality director",
        ),
        biography=Tr(
            "Il réalise des expériences immersives qui font visiter des lieux disparus ou "
            "imaginés de Casablanca.",
            "يخرج تجارب غامرة تتيح زيارة أماكن من الدار البيضاء اندثرت أو تُتخيَّل للمستقبل.",
            "He makes immersive experiences that visit lost or imagined places of Casablanca.",
        ),
    ),
    DemoSpeaker(
        "Zakaria Amellal",
        "Collectif Slam Casa",
        "Casablanca",
        "Maroc",
        position=Tr(
            "Slameur et animateur jeunesse", "شاعر سلام ومنشط شبابي", "Slam poet and youth worker"
        ),
        biography=Tr(
            "Il anime des ateliers d'écriture dans les maisons de jeunes et raconte la ville en "
            "darija et en français.",
            "يؤطر ورشات للكتابة في دور الشباب ويحكي المدينة بالدارجة والفرنسية.",
            "He runs writing workshops in youth centres and tells the city's story in Darija and "
            "French.",
        ),
    ),
    DemoSpeaker(
        "Larbi Soussi",
        "Troupe Tagnawit Casa",
        "Casablanca",
        "Maroc",
        position=Tr("Maâlem gnaoua", "معلم كناوة", "Gnawa master musician"),
        biography=Tr(
            "Maâlem depuis vingt ans, il accompagne au guembri le mapping vidéo de clôture de "
            "Smart City Connect.",
            "معلم منذ عشرين سنة، يرافق بالكمبري عرض الإسقاط الضوئي الختامي لسمارت سيتي كونيكت.",
            "A maâlem for twenty years, he plays the guembri for Smart City Connect's closing "
            "video mapping.",
        ),
    ),
    DemoSpeaker(
        "Abdelhadi Rami",
        "",
        "Casablanca",
        "Maroc",
        position=Tr("Conteur de halqa", "حكواتي الحلقة", "Halqa storyteller"),
        biography=Tr(
            "Héritier de la tradition de la halqa, il raconte en darija des histoires de la ville "
            "d'hier et de demain.",
            "وريث تقاليد الحلقة، يحكي بالدارجة حكايات عن مدينة الأمس والغد.",
            "An heir to the halqa tradition, he tells stories in Darija about the city of "
            "yesterday and tomorrow.",
        ),
    ),
)
