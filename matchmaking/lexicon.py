# ruff: noqa: E501
"""Smart-city concepts in French, Arabic and English, for matching texts across languages.

Each concept lists the words (or short phrases) that name it in each language;
the first word of a language is the concept's label in that language. The
words are written as people write them: `similarity.Vocabulary` normalises and
stems them the same way as the texts it compares, so "eaux", "المياه" and
"water" all become the one concept `water`. Add a concept by adding a line;
keep words that mean the concept itself, not everything near it.
"""

from typing import NamedTuple


class Concept(NamedTuple):
    key: str
    fr: tuple[str, ...]
    ar: tuple[str, ...]
    en: tuple[str, ...]


# key | French words | Arabic words | English words, one concept a line (long lines
# read best here); a line starting with # is a heading.
TABLE = """
# Water
water | eau, eaux, hydrique, hydriques | ماء, مياه, المياه, مائي, مائية | water, waters
sanitation | assainissement, eaux usées | تطهير, الصرف الصحي, مياه عادمة | sanitation, wastewater, sewage, sewer
leak | fuite, fuites | تسرب, تسربات, تسريب | leak, leaks, leakage
irrigation | irrigation, arrosage | ري, سقي | irrigation, watering
drought | sécheresse, pénurie | جفاف, ندرة | drought, scarcity, shortage
flood | inondation, inondations, crue | فيضان, فيضانات | flood, floods, flooding
# Waste
waste | déchet, déchets, ordures | نفايات, النفايات, قمامة, أزبال | waste, garbage, trash, rubbish
recycling | recyclage, recycler, recyclé, recyclés, valorisation | تدوير, إعادة التدوير, رسكلة, تثمين | recycling, recycle, recycled, upcycling
compost | compost, compostage | سماد, تسميد | compost, composting
circular | circulaire, économie circulaire | دائري, الاقتصاد الدائري | circular, circular economy
plastic | plastique, plastiques | بلاستيك, البلاستيك | plastic, plastics
# Energy
energy | énergie, énergies, énergétique | طاقة, الطاقة, طاقي, طاقية | energy, energies
solar | solaire, photovoltaïque, panneaux solaires | شمسي, شمسية, الطاقة الشمسية, ألواح شمسية | solar, photovoltaic, solar panels
wind | éolien, éolienne, éoliennes | رياح, ريحية | wind, wind turbine
electricity | électricité, électrique, électriques | كهرباء, الكهرباء, كهربائي, كهربائية | electricity, electric, electrical
efficiency | efficacité, sobriété, économies d'énergie | نجاعة, كفاءة, ترشيد | efficiency, sufficiency, saving
renewable | renouvelable, renouvelables | متجددة, المتجددة | renewable, renewables
lighting | éclairage, lampadaire, lampadaires | إنارة, الإنارة, مصابيح | lighting, streetlight, streetlights
network | réseau, réseaux | شبكة, شبكات | network, networks, grid
storage | stockage, batterie, batteries | تخزين, بطارية, بطاريات | storage, battery, batteries
# Mobility
mobility | mobilité, déplacement, déplacements | تنقل, التنقل, تنقلات | mobility, commuting
transport | transport, transports | نقل, النقل, مواصلات | transport, transportation, transit
bicycle | vélo, vélos, cyclable, cyclables | دراجة, دراجات, الدراجات الهوائية | bicycle, bike, bikes, cycling
public_transit | bus, autobus, tramway, tram | حافلة, حافلات, ترامواي | bus, buses, tram, tramway
traffic | circulation, trafic, embouteillage, embouteillages | مرور, السير, ازدحام, اكتظاظ | traffic, congestion
parking | stationnement, parking | مواقف, ركن السيارات | parking
vehicle | véhicule, véhicules, voiture, voitures | سيارة, سيارات, مركبة, مركبات | vehicle, vehicles
pedestrian | piéton, piétons | مشاة, الراجلين | pedestrian, pedestrians, walking
logistics | logistique, livraison, livraisons | لوجستيك, توصيل | logistics, delivery, deliveries
# Buildings and the city
building | bâtiment, bâtiments, construction, bâti | بناء, مبنى, مباني, بنايات | building, buildings, construction
housing | logement, logements, habitat | سكن, السكن, إسكان | housing, dwelling, homes
materials | matériaux, matériau, terre crue | مواد, مواد البناء | materials, material
architecture | architecture, architecte | هندسة معمارية, عمارة, معماري | architecture, architect
neighbourhood | quartier, quartiers | حي, أحياء, الأحياء | neighbourhood, neighborhood, district
urban | urbain, urbaine, urbains, urbanisme | حضري, حضرية, عمراني, تعمير | urban, urbanism
city | ville, villes, cité, métropole | مدينة, المدينة, مدن, المدن | city, cities, metropolis
smart_city | ville intelligente, villes intelligentes | المدينة الذكية, مدينة ذكية, المدن الذكية | smart city, smart cities
territory | territoire, territoires, territorial, territoriale | تراب, ترابي, ترابية | territory, territorial
rural | rural, rurale, village, villages | قروي, قروية, قرية, قرى | rural, village, villages
green_space | parc, parcs, jardin, jardins, espaces verts, végétalisation | حديقة, حدائق, مساحات خضراء, تخضير | park, parks, garden, gardens, green spaces
tree | arbre, arbres | شجرة, أشجار, الأشجار | tree, trees
# Food and agriculture
agriculture | agriculture, agricole, agriculteur, agriculteurs | فلاحة, زراعة, فلاحي, فلاحين | agriculture, agricultural, farming, farmer, farmers
food | alimentation, alimentaire, nourriture | غذاء, تغذية, غذائي, الغذائية | food, nutrition
# Environment and climate
air | air, qualité de l'air | هواء, الهواء, جودة الهواء | air, air quality
pollution | pollution, polluant, polluants | تلوث, التلوث, ملوثات | pollution, pollutant, pollutants
climate | climat, climatique, climatiques | مناخ, المناخ, مناخي, مناخية | climate
carbon | carbone, émissions, décarbonation | كربون, الكربون, انبعاثات | carbon, emissions, decarbonisation
heat | chaleur, canicule, îlots de chaleur | حرارة, الحرارة, موجة حر | heat, heatwave
biodiversity | biodiversité | تنوع بيولوجي, التنوع البيولوجي | biodiversity
environment | environnement, environnemental, environnementale, écologie, écologique | بيئة, البيئة, بيئي, بيئية | environment, environmental, ecology, ecological
transition | transition, transition écologique | انتقال, الانتقال الإيكولوجي | transition
# Digital
data | données, donnée, data | بيانات, البيانات, معطيات | data, dataset
open | ouvert, ouverte, ouvertes, libre, libres, open source | مفتوح, مفتوحة, حر, مفتوح المصدر | open, free software, open source
sensor | capteur, capteurs | مستشعر, مستشعرات, حساس, حساسات, أجهزة استشعار | sensor, sensors
iot | objets connectés, connecté, connectés, iot | إنترنت الأشياء, متصل, متصلة | iot, internet of things, connected
ai | intelligence artificielle, ia, apprentissage automatique | ذكاء اصطناعي, الذكاء الاصطناعي | artificial intelligence, ai, machine learning
app | application, applications, appli, plateforme | تطبيق, تطبيقات, منصة, منصات | app, apps, application, platform
software | logiciel, logiciels | برمجيات, برنامج, برمجية | software
mapping | cartographie, carte, cartes, sig | خريطة, خرائط, الخرائط, رسم الخرائط | map, maps, mapping, gis
digital | numérique, digital, digitale, numérisation, digitalisation | رقمي, رقمية, رقمنة, الرقمنة | digital, digitisation, digitalisation
connectivity | internet, connectivité, wifi | إنترنت, الإنترنت, ربط | internet, connectivity, wifi
security | sécurité, sûreté, cybersécurité | أمن, الأمن, سلامة | security, safety, cybersecurity
surveillance | surveillance, vidéosurveillance, caméra, caméras | مراقبة, كاميرا, كاميرات | surveillance, camera, cameras
monitoring | mesure, mesures, suivi, monitoring, télémesure | قياس, رصد, تتبع | measurement, monitoring, tracking
optimisation | optimisation, optimiser | تحسين, تحسين الأداء | optimisation, optimization, optimise
# People and society
health | santé, sanitaire | صحة, الصحة, صحي, صحية | health, healthcare
care | soins, hôpital, hôpitaux | رعاية, مستشفى, مستشفيات | care, hospital, hospitals
education | éducation, école, écoles, enseignement, formation | تعليم, تربية, مدرسة, مدارس, تكوين | education, school, schools, training
youth | jeunes, jeunesse | شباب, الشباب | youth, young people
women | femmes, femme | نساء, المرأة, النساء | women, woman
employment | emploi, emplois, travail | شغل, تشغيل, عمل, التشغيل | employment, jobs, job, work
entrepreneurship | entrepreneuriat, entrepreneur, entrepreneurs, entreprise, entreprises | ريادة الأعمال, مقاولة, مقاولات, مقاولاتية | entrepreneurship, entrepreneur, entrepreneurs, enterprise, business
startup | startup, startups, jeune pousse | شركة ناشئة, الشركات الناشئة, ناشئة | startup, startups
cooperative | coopérative, coopératives | تعاونية, تعاونيات | cooperative, cooperatives, coop
social | social, sociale, solidaire, inclusion, inclusif | اجتماعي, اجتماعية, تضامني, إدماج | social, solidarity, inclusion, inclusive
accessibility | handicap, accessibilité, accessible | إعاقة, ولوجيات, ولوج | disability, accessibility, accessible
finance | financement, investissement, investisseur, crédit | تمويل, استثمار, مستثمر, قرض | funding, financing, investment, investor, credit
payment | paiement, paiements | أداء, دفع, الأداء | payment, payments
commerce | commerce, marché, marchés, souk | تجارة, سوق, أسواق | trade, market, markets, commerce
tourism | tourisme, touristique, touristes | سياحة, السياحة, سياحي | tourism, tourist, tourists
heritage | patrimoine, culture, culturel, culturelle | تراث, التراث, ثقافة, ثقافي | heritage, culture, cultural
crafts | artisanat, artisan, artisans, artisanal | صناعة تقليدية, حرفي, حرفيين, حرف | crafts, craft, artisan, artisans
# Governance and the symposium's themes
governance | gouvernance | حكامة, الحكامة, حوكمة | governance
participation | participation, participatif, participative, concertation | مشاركة, المشاركة, تشاركي, تشاركية | participation, participatory, consultation
citizen | citoyen, citoyens, citoyenne, habitants | مواطن, مواطنين, المواطنين, مواطنة, سكان | citizen, citizens, residents, inhabitants
municipality | commune, communes, municipalité, collectivité, collectivités, mairie | جماعة, جماعات, بلدية, الجماعات الترابية | municipality, council, local authority, local authorities
public_service | service public, services publics, administration | خدمات عمومية, مرفق عمومي, إدارة | public service, public services, administration
community | communauté, communautés, communautaire | مجتمع, مجتمعي, جماعي, المجتمع المدني | community, communities
low_tech | low-tech, sobre, frugal, frugale, rustique | منخفضة التقنية, بسيطة, تقنيات بسيطة | low-tech, frugal, simple technology
innovation | innovation, innovations, innovant, innovante | ابتكار, الابتكار, مبتكر, مبتكرة | innovation, innovations, innovative
repair | réparation, maintenance, entretien | إصلاح, صيانة | repair, maintenance
pilot | pilote, expérimentation, prototype | تجربة, تجريبي, نموذج أولي | pilot, experiment, prototype
"""


def _parse(table: str) -> tuple[Concept, ...]:
    concepts = []
    for row in table.strip().splitlines():
        if row.startswith("#"):
            continue
        key, *languages = (cell.strip() for cell in row.split("|"))
        words = [tuple(w.strip() for w in cell.split(",") if w.strip()) for cell in languages]
        concepts.append(Concept(key, *words))
    return tuple(concepts)


CONCEPTS: tuple[Concept, ...] = _parse(TABLE)
