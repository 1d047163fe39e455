"""The demo's community: what the audience of 2022 asked, voted and proposed.

Ideas for the city (in French, Arabic and English, as citizens wrote them), the
questions and a poll of two debates, ratings of a few sessions. Everything goes
through the services, as the visitors' phones would have done; voters are
made-up devices. Running it again leaves the same data.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from community import feedback, ideas, polls, questions
from community.models import Idea, Question
from editions.models import Edition

EDITION_SLUG = "scc-2022"
CASABLANCA = ZoneInfo("Africa/Casablanca")

# (pivot, arrondissement, language, title, description, votes, decision, answer)
IDEAS = [
    (
        "low-tech",
        "sidi-moumen",
        "fr",
        "Des fours solaires partagés dans les maisons de quartier",
        "Installer deux fours solaires par maison de quartier, avec un atelier le samedi pour "
        "apprendre à cuisiner avec. Moins de gaz, et un lieu où les voisins se retrouvent.",
        34,
        "under_study",
        "La direction des affaires sociales étudie un essai dans trois maisons de quartier "
        "de Sidi Moumen à l’automne.",
    ),
    (
        "transition-ecologique",
        "anfa",
        "fr",
        "Des arbres et de l’ombre sur le boulevard d’Anfa",
        "Planter des arbres d’alignement adaptés à la sécheresse et des bancs à l’ombre tous les "
        "200 mètres, pour qu’on puisse marcher l’été.",
        51,
        "adopted",
        "Adoptée : 120 arbres sont inscrits au plan de plantation 2023, avec arrosage goutte "
        "à goutte.",
    ),
    (
        "gouvernance-bottom-up",
        "city",
        "ar",
        "ميزانية تشاركية لكل مقاطعة",
        "تخصيص جزء من ميزانية كل مقاطعة لمشاريع يقترحها السكان ويصوتون عليها مرة في السنة، مع "
        "نشر النتائج والتقدم في الأشغال.",
        47,
        "under_study",
        "تدرس الجماعة إطلاق تجربة في مقاطعتين سنة 2023.",
    ),
    (
        "innovation-communautaire",
        "hay-mohammadi",
        "fr",
        "Une ressourcerie au Hay Mohammadi",
        "Un lieu où l’on dépose meubles et appareils dont on ne veut plus, réparés par des jeunes "
        "du quartier et revendus à petit prix.",
        29,
        "proposed",
        "",
    ),
    (
        "entrepreneuriat-social",
        "sidi-belyout",
        "en",
        "Market stalls for young makers downtown",
        "Free market stalls one weekend a month in the old medina for young people who make and "
        "repair things, with a small fund to buy their first tools.",
        18,
        "not_retained",
        "Not retained as proposed: the medina's alleys cannot take more stalls. The organiser "
        "suggests the Startup Village's weekend market instead.",
    ),
    (
        "low-tech",
        "ain-chock",
        "ar",
        "سقي الحدائق بمياه الأمطار",
        "جمع مياه الأمطار من أسطح المدارس في خزانات لسقي حدائقها وحدائق الحي المجاورة.",
        22,
        "proposed",
        "",
    ),
    (
        "transition-ecologique",
        "maarif",
        "fr",
        "Des rues aux enfants devant les écoles",
        "Fermer aux voitures la rue devant chaque école primaire, 20 minutes à l’entrée et à la "
        "sortie des classes.",
        40,
        "proposed",
        "",
    ),
    (
        "gouvernance-bottom-up",
        "city",
        "fr",
        "Publier les données des bus en temps réel",
        "Ouvrir les positions des bus et du tramway en données ouvertes, pour que chacun puisse "
        "savoir quand passe le prochain, même par SMS.",
        36,
        "adopted",
        "Adoptée : Casa Transports publiera les horaires en données ouvertes, puis les positions "
        "en temps réel.",
    ),
]

COMMENTS = [
    (
        0,
        "Et pour les quartiers sans maison de quartier ? Les écoles pourraient accueillir les fours.",
    ),
    (1, "Oui, avec des essences locales qui demandent peu d’eau."),
    (2, "فكرة ممتازة، بشرط أن تكون النتائج منشورة للجميع."),
    (7, "Great idea: an SMS service would help people without a smartphone."),
]

# (session title starts with, questions as (text, name, votes), answered index, pinned index)
QUESTIONS = [
    (
        "Débat",
        [
            ("Comment associer les habitants qui n’ont pas de smartphone ?", "Fatima", 23),
            ("Qui paie l’entretien des installations low-tech une fois posées ?", "", 17),
            ("كيف نضمن أن تصل هذه المشاريع إلى الأحياء الشعبية؟", "يوسف", 14),
            ("What data will the city open first?", "", 9),
        ],
        1,
        0,
    ),
]

POLL = (
    "Quelle priorité pour votre quartier ?",
    [("L’ombre et les arbres", 41), ("Les transports", 33), ("La propreté", 26)],
)


def load_demo_community() -> int:
    edition = Edition.objects.get(slug=EDITION_SLUG)
    with transaction.atomic():
        if not Idea.objects.filter(edition=edition).exists():
            _ideas(edition)
        sessions = edition.sessions.published().order_by("starts_at", "pk")
        debate = sessions.filter(kind="debate").first() or sessions.first()
        if not Question.objects.filter(board__session=debate).exists():
            _questions(debate)
            _ratings(edition)
    return Idea.objects.filter(edition=edition).count()


def _ideas(edition):
    pivots = {p.slug: p for p in edition.pivots.all()}
    made = []
    for n, (pivot, where, language, title, text, votes, decision, answer) in enumerate(IDEAS):
        idea = ideas.propose(
            edition,
            voter=f"d:demo-author-{n}",
            language=language,
            pivot=pivots[pivot],
            arrondissement=where,
            title=title,
            description=text,
            author_name="",
            photo=None,
        )
        Idea.objects.filter(pk=idea.pk).update(
            created_at=datetime(2022, 5, 25, 9 + n % 8, tzinfo=CASABLANCA)
        )
        for voter in range(votes):
            ideas.support(idea, voter=f"d:demo-citizen-{voter}")
        if decision != "proposed" or answer:
            ideas.decide(idea, decision=decision, answer=answer)
        made.append(idea)
    for index, text in COMMENTS:
        ideas.comment(made[index], text=text, author_name="", voter=f"d:demo-commenter-{index}")


def _questions(session):
    board = questions.board_of(session)
    for _start, asked, answered, pinned in QUESTIONS:
        made = []
        for n, (text, name, votes) in enumerate(asked):
            question = questions.ask(board, text=text, author_name=name, voter=f"d:demo-asker-{n}")
            questions.moderate(question, "approve")  # boards open pre-moderated
            for voter in range(votes):
                questions.upvote(question, voter=f"d:demo-room-{voter}")
            made.append(question)
        questions.moderate(made[answered], "answered")
        questions.moderate(made[pinned], "pin")
    text, options = POLL
    poll = polls.create_poll(
        session, question=text, options=[o for o, _n in options], kind="single"
    )
    polls.open_poll(poll)
    voter = 0
    for option, count in zip(poll.options.all(), [n for _o, n in options], strict=True):
        for _ in range(count):
            polls.vote(poll, voter=f"d:demo-room-{voter}", option_ids=[option.pk])
            voter += 1
    polls.close_poll(poll)


def _ratings(edition):
    rated = edition.sessions.published().order_by("starts_at", "pk")[:6]
    for n, session in enumerate(rated):
        for person in range(5 + n):
            rating = 3 + (person + n) % 3
            comment = "Très concret, merci." if person == 0 else ""
            feedback.give(
                session,
                voter=f"d:demo-rater-{person}",
                rating=rating,
                comment=comment,
                now=session.ends_at,
            )
