"""The demo's Smart City Connect 2022: the free programme on the public square.

Standalone activities get slots from their opening hours; the debates that the
programme already holds on the square become bookable activities with the one
slot of their session. A few bookings, made through the services as visitors
would have made them the week before, give the availability page something to
show. Running it again leaves the same data.
"""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from activities import services, slots
from activities.models import Activity, ActivitySlot, Booking, PublicProgramme
from activities.phones import normalised_phone
from demo.records import Tr, fictional_people, per_language
from editions.models import Edition

EDITION_SLUG = "scc-2022"
SQUARE = "smart-city-connect"
CASABLANCA = ZoneInfo("Africa/Casablanca")
# The demo's bookings are made "a week before", when every slot was still ahead.
BOOKED_AT = datetime(2022, 5, 18, 10, 0, tzinfo=CASABLANCA)

NAME = Tr("Smart City Connect", "سمارت سيتي كونيكت", "Smart City Connect")
DESCRIPTION = Tr(
    "Le programme gratuit ouvert à tous les Casablancais sur l'esplanade : installations, "
    "expériences immersives, mapping vidéo, réalité virtuelle, débats et ateliers. Réservez "
    "un créneau ; une partie des places est gardée pour ceux qui passent.",
    "البرنامج المجاني المفتوح لجميع البيضاويين في الساحة: منشآت تفاعلية وتجارب غامرة وعروض "
    "إسقاط ضوئي وواقع افتراضي ونقاشات وورشات. احجز موعدك؛ ويُحتفظ بجزء من الأماكن للمارّة.",
    "The free programme open to every Casablancan on the esplanade: installations, immersive "
    "experiences, video mapping, virtual reality, debates and workshops. Book a slot; part of "
    "the places is kept for passers-by.",
)


@dataclass(frozen=True)
class DemoActivity:
    slug: str
    kind: str
    title: Tr
    description: Tr
    hours: tuple[tuple[int, str, str], ...]  # (day of the edition, opens, closes)
    duration: int
    every: int
    capacity: int
    walk_in_percent: int = 20
    max_group: int = 6
    minimum_age: int = 0
    maximum_age: int | None = None
    accessibility: Tr = Tr("")


ACTIVITIES = (
    DemoActivity(
        slug="mapping-memoires-place",
        kind="video_mapping",
        title=Tr(
            "Mapping vidéo : la façade raconte Casablanca",
            "إسقاط ضوئي: الواجهة تحكي الدار البيضاء",
            "Video mapping: the façade tells Casablanca's story",
        ),
        description=Tr(
            "Quinze minutes de lumière sur la façade de l'hôtel : des souvenirs d'habitants de "
            "Derb Sultan, Hay Hassani et Sidi Moumen, recueillis en atelier, projetés à l'échelle "
            "de la ville.",
            "خمس عشرة دقيقة من الضوء على واجهة الفندق: ذكريات سكان درب السلطان والحي الحسني "
            "وسيدي مومن، جُمعت في ورشات وتُعرض بحجم المدينة.",
            "Fifteen minutes of light on the hotel's façade: memories of people from Derb Sultan, "
            "Hay Hassani and Sidi Moumen, gathered in workshops, projected at the scale of the city.",
        ),
        hours=((1, "20:00", "22:30"), (2, "20:00", "22:30")),
        duration=15,
        every=30,
        capacity=250,
        walk_in_percent=40,
        max_group=8,
        accessibility=Tr(
            "Esplanade de plain-pied ; zone réservée aux fauteuils roulants devant la façade.",
            "ساحة مستوية؛ مكان مخصص للكراسي المتحركة أمام الواجهة.",
            "Step-free esplanade; a wheelchair area in front of the façade.",
        ),
    ),
    DemoActivity(
        slug="casablanca-2040-vr",
        kind="vr_ar",
        title=Tr(
            "Casablanca 2040 en réalité virtuelle",
            "الدار البيضاء 2040 بالواقع الافتراضي",
            "Casablanca 2040 in virtual reality",
        ),
        description=Tr(
            "Casque sur la tête, parcourez le boulevard Mohammed V tel que les habitants l'ont "
            "imaginé : ombre, tramway, fontaines et places sans voitures.",
            "بخوذة على الرأس، تجوّل في شارع محمد الخامس كما تخيّله السكان: ظلال وترامواي ونوافير "
            "وساحات بلا سيارات.",
            "Headset on, walk along Boulevard Mohammed V as its residents imagined it: shade, "
            "tramway, fountains and car-free squares.",
        ),
        hours=(
            (1, "10:00", "13:00"),
            (1, "14:30", "19:00"),
            (2, "10:00", "13:00"),
            (2, "14:30", "18:00"),
        ),
        duration=10,
        every=15,
        capacity=8,
        walk_in_percent=25,
        max_group=2,
        minimum_age=12,
        accessibility=Tr(
            "Expérience assise, possible en fauteuil roulant. Déconseillée en cas d'épilepsie.",
            "تجربة جلوسًا، ممكنة بالكرسي المتحرك. لا يُنصح بها لمن يعاني من الصرع.",
            "A seated experience, possible in a wheelchair. Not advised for people with epilepsy.",
        ),
    ),
    DemoActivity(
        slug="dome-donnees-quartier",
        kind="immersive",
        title=Tr(
            "Le dôme : votre quartier en données",
            "القبة: حيّك بالأرقام",
            "The dome: your neighbourhood in data",
        ),
        description=Tr(
            "Sous un dôme de bambou, les données ouvertes de la ville deviennent sons et images : "
            "chaleur, bruit, arbres, bus. Choisissez votre arrondissement et regardez-le vivre.",
            "تحت قبة من الخيزران، تتحول البيانات المفتوحة للمدينة إلى أصوات وصور: الحرارة والضجيج "
            "والأشجار والحافلات. اختر مقاطعتك وشاهدها تعيش.",
            "Under a bamboo dome, the city's open data becomes sound and images: heat, noise, trees, "
            "buses. Choose your arrondissement and watch it live.",
        ),
        hours=((1, "10:00", "19:00"), (2, "10:00", "18:00")),
        duration=20,
        every=30,
        capacity=30,
    ),
    DemoActivity(
        slug="atelier-four-solaire",
        kind="workshop",
        title=Tr(
            "Atelier : construire un four solaire",
            "ورشة: صنع فرن شمسي",
            "Workshop: build a solar oven",
        ),
        description=Tr(
            "Carton, aluminium et vitre de récupération : en une heure et demie, chaque groupe "
            "repart avec un four qui cuit le pain au soleil de Casablanca.",
            "كرتون وألمنيوم وزجاج مسترجع: في ساعة ونصف، تغادر كل مجموعة بفرن يخبز الخبز تحت شمس "
            "الدار البيضاء.",
            "Cardboard, aluminium and salvaged glass: in an hour and a half, each group leaves with "
            "an oven that bakes bread in the Casablanca sun.",
        ),
        hours=((1, "10:30", "18:00"), (2, "10:30", "17:00")),
        duration=90,
        every=120,
        capacity=16,
        walk_in_percent=25,
        max_group=4,
        minimum_age=10,
    ),
    DemoActivity(
        slug="petits-bricoleurs-low-tech",
        kind="children_workshop",
        title=Tr(
            "Petits bricoleurs low-tech (7–12 ans)",
            "صغار الحرفيين اللوتيك (7–12 سنة)",
            "Young low-tech makers (ages 7–12)",
        ),
        description=Tr(
            "Les enfants fabriquent un moulin à vent et une lampe à partir d'objets recyclés, "
            "avec les animateurs d'une association de Hay Mohammadi.",
            "يصنع الأطفال طاحونة هوائية ومصباحًا من أشياء مُعاد تدويرها، مع منشطي جمعية من الحي "
            "المحمدي.",
            "Children make a windmill and a lamp from recycled objects, with the youth workers of "
            "an association from Hay Mohammadi.",
        ),
        hours=((1, "14:00", "18:00"), (2, "10:00", "12:00"), (2, "14:00", "18:00")),
        duration=60,
        every=60,
        capacity=14,
        max_group=3,
        minimum_age=7,
        maximum_age=12,
        accessibility=Tr(
            "Un parent reste à proximité. Tables accessibles en fauteuil roulant.",
            "يبقى أحد الوالدين بالقرب. طاولات مناسبة للكراسي المتحركة.",
            "A parent stays nearby. Tables reachable from a wheelchair.",
        ),
    ),
)

# (activity, day, start, first name, phone, e-mail, people, language)
BOOKINGS = (
    ("casablanca-2040-vr", 1, "10:00", "Yasmine", "0612345601", "", 2, "fr"),
    ("casablanca-2040-vr", 1, "10:00", "Omar", "0661234502", "omar@example.ma", 2, "ar"),
    ("casablanca-2040-vr", 1, "10:00", "Leila", "", "leila@example.ma", 2, "fr"),
    ("casablanca-2040-vr", 1, "10:00", "Karim", "0700112203", "", 1, "ar"),
    ("atelier-four-solaire", 1, "10:30", "Nadia", "0522998804", "", 4, "fr"),
    ("petits-bricoleurs-low-tech", 1, "14:00", "Samir", "0611223305", "", 3, "ar"),
    ("mapping-memoires-place", 1, "20:00", "Hajar", "+33612345606", "hajar@example.fr", 5, "en"),
)


def moment(edition: Edition, day: int, clock: str) -> datetime:
    return datetime.combine(edition.days[day - 1], time.fromisoformat(clock), edition.tz)


def load_demo_activities() -> PublicProgramme:
    edition = Edition.objects.get(slug=EDITION_SLUG)
    with fictional_people():
        programme, _created = PublicProgramme.objects.update_or_create(
            edition=edition,
            defaults={
                **per_language("name", NAME),
                **per_language("description", DESCRIPTION),
                "bookings_open_at": datetime(2022, 5, 2, 9, 0, tzinfo=CASABLANCA),
                "bookings_per_day": 3,
            },
        )
        square = edition.spaces.get(slug=SQUARE)
        for position, record in enumerate(ACTIVITIES):
            save_activity(edition, square, record, position)
        link_debates(edition, square)
        if not Booking.objects.filter(edition=edition).exists():
            book_demo_visitors(edition)
    return programme


def save_activity(edition: Edition, square, record: DemoActivity, position: int) -> Activity:
    activity, _created = Activity.objects.update_or_create(
        edition=edition,
        slug=record.slug,
        defaults={
            "kind": record.kind,
            "position": position,
            "space": square,
            **per_language("title", record.title),
            **per_language("description", record.description),
            **per_language("accessibility", record.accessibility),
            "duration_minutes": record.duration,
            "slot_minutes": record.every,
            "slot_capacity": record.capacity,
            "walk_in_percent": record.walk_in_percent,
            "max_group_size": record.max_group,
            "minimum_age": record.minimum_age,
            "maximum_age": record.maximum_age,
        },
    )
    for day, opens, closes in record.hours:
        slots.generate_slots(
            activity,
            day=edition.days[day - 1],
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
        )
    return activity


def link_debates(edition: Edition, square) -> None:
    """The programme's debates on the square are booked here too, one slot each."""
    debates = edition.sessions.filter(kind="debate", space=square).order_by("starts_at")
    for offset, session in enumerate(debates, start=len(ACTIVITIES)):
        local_start = session.starts_at.astimezone(edition.tz)
        activity, _created = Activity.objects.update_or_create(
            edition=edition,
            slug=f"debat-{local_start:%d-%H%M}",
            defaults={
                "kind": Activity.Kind.DEBATE,
                "position": offset,
                "space": square,
                "session": session,
                **{
                    f"title_{code}": getattr(session, f"title_{code}")
                    for code in ("fr", "ar", "en")
                },
                **{
                    f"description_{code}": getattr(session, f"abstract_{code}")
                    for code in ("fr", "ar", "en")
                },
                "duration_minutes": int(
                    (session.ends_at - session.starts_at).total_seconds() // 60
                ),
                "slot_capacity": 120,
                "walk_in_percent": 50,
            },
        )
        slots.slot_of_session(activity)


def book_demo_visitors(edition: Edition) -> None:
    for slug, day, clock, first_name, phone, email, people, language in BOOKINGS:
        slot = ActivitySlot.objects.select_related("activity__edition__public_programme").get(
            activity__edition=edition, activity__slug=slug, starts_at=moment(edition, day, clock)
        )
        visitor = services.Visitor(
            first_name=first_name,
            language=language,
            phone=_e164(phone),
            email=email,
            group_size=people,
        )
        services.book(slot, visitor=visitor, now=BOOKED_AT)


def _e164(typed: str) -> str:
    return (normalised_phone(typed) or "") if typed else ""
