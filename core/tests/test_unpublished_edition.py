"""An unpublished edition stays unpublished on every public address.

The authorisation world's edition, with everything a page can show (sessions,
speakers, pivots, spaces, activities and slots, startups, the lounge, ideas,
passes), is taken back to "unpublished" and another edition becomes the current
one. Every public address of the resolver is then asked with the ids, slugs and
secrets of the hidden edition's objects, by GET and by POST, with and without
`?edition=<its slug>`: each answers an error, or a page that shows nothing of it.

Staff pages are left out (staff prepare editions before publishing them), and so
are the pages that show a person what is theirs: a ticket, a booking or an
application by its secret link or its owner's account.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time

from core.tests.authorization_world import BEFORE_THE_EVENT, LOGIN, build_world, everyone, sign_in
from core.tests.test_authorization_matrix import TABLE, named_patterns, row

# In every name and title of the hidden edition: a page that shows it leaks it.
HIDDEN = "ZqHiddenEdition"

# What a person holds of their own: their ticket, booking, application, data.
OWN = {
    "registration:ticket",
    "registration:cancel",
    "registration:transfer",
    "activities:booking",
    "activities:cancel",
    "startups:application",
    "startups:withdraw",
    "matchmaking:agenda_ics",
    "mailings:unsubscribe",
    "accounts:home",
    "accounts:my_data",
    "accounts:delete_my_data",
}

# The speaker of the hidden edition only, besides the table's speaker of both.
HIDDEN_ONLY = {
    "programme:speaker[hidden only]": row(lambda w: [w.hidden_speaker.pk], everyone()),
    "api:speaker[hidden only]": row(lambda w: [w.hidden_speaker.pk], everyone()),
}


def _hide(w, *, current: bool):
    """Unpublish the world's edition and name everything in it with HIDDEN."""
    from activities.models import Activity, PublicProgramme
    from community.models import Idea
    from editions.models import Edition
    from matchmaking.models import Challenge, Lounge
    from programme.models import Session
    from registration.models import PassType
    from startups.models import Application, Call

    edition = w.edition
    Edition.objects.filter(pk=edition.pk).update(
        is_published=False, is_current=current, **_names("name", HIDDEN)
    )
    for model, field in [
        (Session, "title"),
        (edition.pivots.model, "name"),
        (edition.spaces.model, "name"),
        (Activity, "title"),
        (PassType, "name"),
        (Lounge, "name"),
        (PublicProgramme, "name"),
        (Call, "title"),
    ]:
        model.objects.filter(edition=edition).update(**_names(field, HIDDEN))
    Idea.objects.filter(edition=edition).update(title=f"Idée {HIDDEN}")
    Application.objects.filter(call__edition=edition).update(name=f"Startup {HIDDEN}")
    Challenge.objects.filter(profile__lounge__edition=edition).update(title=f"Défi {HIDDEN}")


def _names(field, value):
    return {f"{field}_{code}": f"{value} {code}" for code in ("fr", "ar", "en")}


def _published_edition(w, *, current: bool):
    """The edition the public sees: the world's speaker speaks in it too; another
    speaker speaks only in the hidden edition."""
    from editions.tests.factories import EditionFactory
    from programme.tests.factories import (
        SessionFactory,
        SessionSpeakerFactory,
        SpeakerFactory,
        at,
    )

    current = EditionFactory(slug="scc-2023", is_current=current)
    shown = SessionFactory(edition=current, starts_at=at(25, 10), ends_at=at(25, 11))
    SessionSpeakerFactory(session=shown, speaker=w.speaker)
    w.hidden_speaker = SpeakerFactory(name=f"Nour {HIDDEN}")
    SessionSpeakerFactory(session=w.session, speaker=w.hidden_speaker)


# An organiser may untick "published" and leave "current" ticked: the public then
# sees the most recent published edition.
@pytest.fixture(scope="module", params=["archived", "left current"])
def hidden_world(request, django_db_setup, django_db_blocker):
    left_current = request.param == "left current"
    with django_db_blocker.unblock(), freeze_time(BEFORE_THE_EVENT), transaction.atomic():
        w = build_world()
        _hide(w, current=left_current)
        _published_edition(w, current=not left_current)
        w.participant = sign_in(w, "participant")
        yield w
        transaction.set_rollback(True)


def _public_rows():
    """Every named address of the resolver that someone who is not staff may open."""
    names = {name for name, _route, _view in named_patterns() if name}
    for key, entry in {**TABLE, **HIDDEN_ONLY}.items():
        name = key.split("[")[0]
        if name not in names or name in OWN or entry.token:
            continue
        if entry.get.get("anonymous") == LOGIN:  # staff only
            continue
        yield key, name, entry


def _addresses(w, name, entry):
    with translation.override("fr"):
        address = reverse(name, args=entry.args(w) if entry.args else [])
    query = f"{entry.query}&" if entry.query else ""
    return [
        f"{address}?{entry.query}" if entry.query else address,
        f"{address}?{query}edition={w.edition.slug}",
    ]


def _leaks(response) -> bool:
    """A page shown (after redirects) that names the hidden edition's things, unless
    it is one of the person's own pages (signed in, "sign in" leads to their account)."""
    if response.status_code >= 400 or response.resolver_match.view_name in OWN:
        return False
    body = b"".join(response) if response.streaming else response.content
    return HIDDEN.encode() in body


def _post_data(w):
    """What the public forms ask for, pointing at the hidden edition's objects."""
    return {
        "session": w.session.pk,
        "text": "Une question ?",
        "option": w.poll.options.first().pk,
        "rating": "5",
        "comment": w.comment.pk,
        "next": reverse("programme:agenda_home"),
    }


def _written():
    """How many of each thing a visitor's POST could add."""
    from activities.models import Booking
    from community.models import (
        Feedback,
        IdeaComment,
        IdeaVote,
        PollBallot,
        Question,
        QuestionVote,
        Report,
    )
    from programme.models import Agenda
    from registration.models import Registration

    models = [Feedback, IdeaComment, IdeaVote, PollBallot, Question, QuestionVote, Report]
    models += [Booking, Registration, Agenda.sessions.through]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_no_public_address_shows_anything_of_an_unpublished_edition(hidden_world):
    w = hidden_world
    visitor = Client()
    leaks, asked = [], 0
    before = _written()
    with freeze_time(BEFORE_THE_EVENT), translation.override("fr"):
        # POST first: what a POST might have added (a starred session) shows on the GETs.
        for key, name, entry in _public_rows():
            for address in _addresses(w, name, entry):
                asked += 1
                if _leaks(visitor.post(address, _post_data(w), follow=True)):
                    leaks.append(f"POST {key} {address}")
        assert _written() == before, "a POST wrote something about the hidden edition"
        for key, name, entry in _public_rows():
            for address in _addresses(w, name, entry):
                for who, client in (("anonymous", visitor), ("participant", w.participant)):
                    asked += 1
                    if _leaks(client.get(address, follow=True)):
                        leaks.append(f"GET  {key} {address} as {who}")
    assert leaks == [], "\n".join(leaks)
    assert asked > 300
