"""Who may open which page: every address of the project against the whole cast.

The addresses come from the URL resolver, so a page added tomorrow fails
`test_every_address_is_in_the_table` until someone writes down who may open it,
and a page removed fails `test_the_table_names_no_address_that_is_gone`.

The cast: anonymous; a participant (a registered attendee, signed in by the
e-mail link as `accounts` signs participants in); a startup (an applicant to the
Startup Village and a lounge participant); a corporate (a lounge participant
with a challenge); then one person per staff role of accounts/roles.py.

Answers in the table:
  200, 403, 404, 405, 409…   that status code;
  LOGIN                       a redirect to the administration's login page;
  SIGN_IN                     a redirect to the participants' sign-in page;
  JOIN                        a redirect to the lounge's join page;
  REDIRECT                    a redirect somewhere else (e.g. "already signed in").

GET is what the matrix sends. An endpoint that only takes POST answers 405 to
GET; for those the table also says who POST rejects (LOGIN, SIGN_IN, JOIN, 401,
403, 404), and the test POSTs (empty data) as each of them; the people the
endpoint is for are not POSTed as (their POST changes things and is the
business of the app's own tests).

The administration is one group: for each registered model its changelist, add,
change and delete pages (history is named but not asked: Django guards it exactly
as the change page), expected for each staff role from its model permissions as
accounts/roles.py defines them, with the admin classes that refuse more than the
permissions say listed in ADMIN_REFUSES; people who are not staff are asked on
every changelist (the admin's one gate sends them to its login page); and each
app's index. Variants of an address ("community:idea[hidden]") check what is not
public: hidden, unpublished, not selected.
"""

import logging
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from freezegun import freeze_time

from core.tests.authorization_admin import admin_model_names, admin_model_rows
from core.tests.authorization_world import (
    ADMIN,
    BEFORE_THE_EVENT,
    DESK,
    JOIN,
    JURY,
    LOGIN,
    MOD,
    PARTICIPANTS,
    REDIRECT,
    SIGN_IN,
    STAFF,
    everyone,
)

# How the table is written


def signed_in(answer=200, **exceptions):
    """For anyone signed in; anonymous visitors are sent to the participants' sign-in."""
    return {**everyone(answer), "anonymous": SIGN_IN, **exceptions}


def staff(*roles, answer=200, others=403):
    """staff_only(permission): the login page for anyone not signed in, 403 for the
    signed-in without the permission, `answer` for the roles holding it."""
    table = {**everyone(others), "anonymous": LOGIN}
    table.update(dict.fromkeys(roles, answer))
    return table


def admin_page(*roles, answer=200, others=403):
    """The administration's own views: anyone not staff is sent to its login page."""
    return {**staff(*roles, answer=answer, others=others), **dict.fromkeys(PARTICIPANTS, LOGIN)}


def lounge_own(answer=200, **exceptions):
    """A lounge participant's own page: anyone without a profile is sent to join."""
    return {**everyone(JOIN), "startup": answer, "corporate": answer, **exceptions}


def only(people: dict, others=404):
    """Those named, the rest `others` (404: existence is not disclosed)."""
    return {**everyone(others), **people}


def tokens(*roles):
    """The API's staff part: the session cookie is not enough (401), a staff token
    is, when its owner holds the permission (else 403)."""
    return {**everyone(401), **dict.fromkeys(STAFF, 403), **dict.fromkeys(roles, 200)}


def row(args=(), get=None, post=None, query="", token=False):
    """`args`: a function of the world giving the reversing arguments. `get`: the
    answers to GET. `post`: for POST-only endpoints, the rejections POST must give."""
    return SimpleNamespace(args=args, get=get, post=post, query=query, token=token)


NOT_GET = everyone(405)  # POST-only endpoint whose method check comes first


def post_only(rejected, *, get_first=None):
    """A POST-only endpoint: GET 405 for all (or `get_first` when the access check comes
    before the method check), and who POST turns away."""
    return dict(get=get_first or NOT_GET, post={k: v for k, v in rejected.items() if v != "ok"})


def rejects(table: dict) -> dict:
    """From an access table, the people POST must reject (the others marked "ok")."""
    return {who: ("ok" if answer == 200 else answer) for who, answer in table.items()}


SESSION = lambda w: [w.session.pk]  # noqa: E731
OWN_APPLICATION = {"startup": 200, "anonymous": SIGN_IN}

# Every named address outside the administration's model pages.
TABLE = {
    # Exports without a language prefix, read by calendar clients and conference apps.
    "exports:schedule_xml": row(get=everyone()),
    "exports:schedule_json": row(get=everyone()),
    "exports:programme_ics": row(get=everyone()),
    "exports:agenda_ics": row(lambda w: [w.agenda.secret], everyone()),  # the secret is the key
    # The JSON API: public reads, staff by token.
    "api:api-root": row(get=everyone(404)),
    "api:openapi-json": row(get=everyone()),
    "api:editions": row(get=everyone()),
    "api:edition": row(lambda w: [w.edition.slug], everyone()),
    "api:sessions": row(get=everyone()),
    "api:session": row(lambda w: [w.session.pk], everyone()),
    "api:speakers": row(get=everyone()),
    "api:pivots": row(get=everyone()),
    "api:spaces": row(get=everyone()),
    "api:speaker": row(lambda w: [w.speaker.pk], everyone()),
    "api:availability": row(get=everyone(), query="day=2022-05-25"),
    "api:registrations": row(get=tokens(ADMIN, DESK), query="q=Amina", token=True),
    "api:check_in": row(**post_only(rejects(tokens(ADMIN, DESK))), token=True),
    # Editions.
    "editions:home": row(get=everyone()),
    "editions:list": row(get=everyone()),
    # The organiser's home: every staff member, each shown what their role allows.
    "editions:staff_home": row(get=staff(*STAFF)),
    "editions:detail": row(lambda w: [w.edition.slug], everyone()),
    "editions:programme": row(lambda w: [w.edition.slug], everyone()),
    "editions:choose_for_staff": row(**post_only(rejects(admin_page(*STAFF)))),
    # Programme.
    "programme:timetable": row(get=everyone()),
    "programme:now": row(get=everyone()),
    "programme:session": row(SESSION, everyone()),
    "programme:speakers": row(get=everyone()),
    "programme:speaker": row(lambda w: [w.speaker.pk], everyone()),
    "programme:pivot": row(lambda w: [w.pivot.slug], everyone()),
    "programme:agenda_home": row(get=everyone()),
    "programme:toggle_star": row(**post_only({})),  # anyone may star: nobody to turn away
    "programme:agenda": row(lambda w: [w.agenda.secret], everyone()),
    "programme:sessions_csv": row(get=staff(*STAFF)),
    "schedule:editor": row(get=staff(ADMIN, "programme_manager")),
    "schedule:publish": row(
        **post_only(
            rejects(staff(ADMIN, "programme_manager")),
            get_first=staff(ADMIN, "programme_manager", answer=405),
        ),
    ),
    "programme:changes": row(get=everyone()),
    "schedule:move": row(
        SESSION,
        **post_only(
            rejects(staff(ADMIN, "programme_manager")),
            get_first=staff(ADMIN, "programme_manager", answer=405),
        ),
    ),
    "programme:schedule_xml": row(get=everyone()),
    "programme:schedule_json": row(get=everyone()),
    "programme:programme_ics": row(get=everyone()),
    "programme:agenda_ics": row(lambda w: [w.agenda.secret], everyone()),
    # Community: live Q&A and polls of a session, feedback, ideas.
    "community:questions": row(SESSION, everyone()),
    "community:questions_live": row(SESSION, everyone()),
    "community:upvote": row(lambda w: [w.session.pk, w.question.pk], **post_only({})),
    "community:screen": row(SESSION, everyone()),
    "community:screen_live": row(SESSION, everyone()),
    "community:moderate": row(SESSION, staff(ADMIN, MOD)),
    "community:moderate_live": row(SESSION, staff(ADMIN, MOD)),
    "community:board_settings": row(SESSION, **post_only(rejects(staff(ADMIN, MOD)))),
    "community:moderate_question": row(
        lambda w: [w.session.pk, w.question.pk], **post_only(rejects(staff(ADMIN, MOD)))
    ),
    "community:new_poll": row(SESSION, **post_only(rejects(staff(ADMIN, MOD)))),
    "community:poll_status": row(
        lambda w: [w.session.pk, w.poll.pk], **post_only(rejects(staff(ADMIN, MOD)))
    ),
    "community:poll_vote": row(lambda w: [w.session.pk, w.poll.pk], **post_only({})),
    "community:feedback": row(SESSION, everyone()),
    "community:feedback_results": row(get=staff(ADMIN, MOD)),
    "community:ideas": row(get=everyone()),
    "community:propose": row(get=everyone()),
    "community:ideas_moderation": row(get=staff(ADMIN, MOD)),
    "community:ideas_json": row(get=everyone()),  # open data: no names, no voters
    "community:ideas_csv": row(lambda w: ["ideas"], everyone()),
    "community:idea": row(lambda w: [w.idea.pk], everyone()),
    "community:support": row(lambda w: [w.idea.pk], **post_only({})),
    "community:comment": row(lambda w: [w.idea.pk], **post_only({})),
    "community:report": row(lambda w: [w.idea.pk], **post_only({})),  # anyone may report
    "community:decide": row(lambda w: [w.idea.pk], **post_only(rejects(staff(ADMIN, MOD)))),
    "community:moderate_idea": row(lambda w: [w.idea.pk], **post_only(rejects(staff(ADMIN, MOD)))),
    "community:moderate_comment": row(
        lambda w: [w.comment.pk], **post_only(rejects(staff(ADMIN, MOD)))
    ),
    # Registration: public pages, the ticket by its secret link, the desk, staff lists.
    "registration:passes": row(get=everyone()),
    "registration:register": row(lambda w: [w.pass_type.slug], everyone()),
    "registration:invited": row(
        lambda w: [w.private_pass.slug, w.private_pass.invitation_token], everyone()
    ),
    "registration:resend": row(get=everyone()),
    "registration:ticket": row(lambda w: [w.registration.secret], everyone()),
    "registration:cancel": row(lambda w: [w.registration.secret], everyone()),
    "registration:transfer": row(lambda w: [w.registration.secret], everyone()),
    "registration:desk": row(get=staff(ADMIN, DESK)),
    "registration:scan": row(
        **post_only(rejects(staff(ADMIN, DESK)), get_first=staff(ADMIN, DESK, answer=405))
    ),
    "registration:admit": row(
        lambda w: [w.registration.pk],
        **post_only(rejects(staff(ADMIN, DESK)), get_first=staff(ADMIN, DESK, answer=405)),
    ),
    "registration:offline_list": row(get=staff(ADMIN, DESK)),
    "registration:sync": row(
        **post_only(rejects(staff(ADMIN, DESK)), get_first=staff(ADMIN, DESK, answer=405))
    ),
    "registration:counts": row(get=staff(ADMIN, DESK)),
    "registration:staff_list": row(get=staff(ADMIN, DESK)),
    "registration:staff_add": row(get=staff(ADMIN, DESK)),
    "registration:staff_detail": row(lambda w: [w.registration.pk], staff(ADMIN, DESK)),
    "registration:waiting_list": row(get=staff(ADMIN, DESK)),
    "registration:registrations_csv": row(get=staff(ADMIN, DESK)),
    "registration:badges": row(get=staff(ADMIN, DESK)),
    # Startup Village: applicants see their own application only; the jury; decisions.
    "startups:directory": row(get=everyone()),
    # Staff sign in with a password and cannot apply; an applicant is sent to their application.
    "startups:apply": row(get={**everyone(200), **dict.fromkeys(STAFF, 403), "startup": REDIRECT}),
    "startups:application": row(lambda w: [w.application.pk], only(OWN_APPLICATION)),
    "startups:withdraw": row(lambda w: [w.application.pk], only(OWN_APPLICATION)),
    "startups:jury": row(get=staff(ADMIN, JURY)),
    "startups:review": row(lambda w: [w.other_application.pk], staff(ADMIN, JURY)),
    "startups:conflict": row(lambda w: [w.other_application.pk], staff(ADMIN, JURY)),
    "startups:ranking": row(get=staff(ADMIN)),
    "startups:applications_csv": row(get=staff(ADMIN)),
    "startups:booths": row(get=staff(ADMIN)),
    "startups:decide": row(lambda w: [w.other_application.pk], staff(ADMIN)),
    "startups:startup": row(lambda w: [w.selected.slug], everyone()),
    # The lounge: public home and challenges; the rest for its participants only.
    "matchmaking:home": row(get=everyone()),
    "matchmaking:challenge": row(lambda w: [w.challenge.pk], everyone()),
    # Participants already in are sent to their profile.
    "matchmaking:join": row(get={**everyone(200), "startup": REDIRECT, "corporate": REDIRECT}),
    "matchmaking:profile": row(get=lounge_own()),
    "matchmaking:availability": row(get=lounge_own()),
    "matchmaking:challenge_new": row(get=lounge_own(startup=409)),  # challenges are corporates'
    "matchmaking:challenge_edit": row(lambda w: [w.challenge.pk], lounge_own(startup=404)),
    "matchmaking:suggestions": row(get=lounge_own()),
    "matchmaking:person": row(
        lambda w: [w.corporate_profile.pk], only({"startup": 200, "corporate": 200})
    ),
    "matchmaking:request": row(
        lambda w: [w.corporate_profile.pk], only({"startup": 200, "corporate": REDIRECT})
    ),  # not oneself
    "matchmaking:requests": row(get=lounge_own()),
    # Answering is for the request's target; the startup is not part of this request.
    "matchmaking:answer": row(
        lambda w: [w.pending.pk], **post_only({**everyone(JOIN), "startup": 404, "corporate": "ok"})
    ),
    "matchmaking:agenda": row(get=signed_in()),
    "matchmaking:agenda_ics": row(lambda w: [w.startup_profile.calendar_secret], everyone()),
    "matchmaking:feedback": row(
        lambda w: [w.meeting.pk],
        # 409 for both sides before the meeting has started, 404 for others.
        only({"startup": 409, "corporate": 409, "anonymous": SIGN_IN}),
    ),
    "matchmaking:staff": row(get=staff(ADMIN)),
    "matchmaking:run": row(**post_only(rejects(staff(ADMIN)))),
    "matchmaking:run_detail": row(lambda w: [w.run.pk], staff(ADMIN)),
    "matchmaking:publish": row(lambda w: [w.run.pk], **post_only(rejects(staff(ADMIN)))),
    "matchmaking:table_sheets": row(get=staff(ADMIN)),
    "matchmaking:outcomes": row(get=staff(ADMIN)),
    # Smart City Connect: public bookings by secret link; the entrances for the desk.
    "activities:list": row(get=everyone()),
    "activities:availability": row(get=everyone()),
    "activities:booking": row(lambda w: [w.booking.secret], everyone()),
    "activities:cancel": row(lambda w: [w.booking.secret], everyone()),
    "activities:entrance": row(get=staff(ADMIN, DESK)),
    "activities:occupancy": row(get=staff(ADMIN, DESK)),
    "activities:entrance_activity": row(lambda w: [w.activity.slug], staff(ADMIN, DESK)),
    "activities:counts": row(lambda w: [w.activity.slug], staff(ADMIN, DESK)),
    "activities:find": row(lambda w: [w.activity.slug], staff(ADMIN, DESK)),
    "activities:scan": row(lambda w: [w.activity.slug], **post_only(rejects(staff(ADMIN, DESK)))),
    "activities:walk_in": row(
        lambda w: [w.activity.slug], **post_only(rejects(staff(ADMIN, DESK)))
    ),
    "activities:detail": row(lambda w: [w.activity.slug], everyone()),
    "activities:book": row(lambda w: [w.activity.slug, w.slot.pk], everyone()),
    # The organiser's dashboard; unsubscribing by the signed link of a mailing.
    "dashboard:home": row(get=staff(ADMIN)),
    "dashboard:report": row(get=staff(ADMIN)),
    "dashboard:csv": row(lambda w: ["registrations"], staff(ADMIN)),
    "mailings:unsubscribe": row(lambda w: [w.unsubscribe_token], everyone()),
    # Accounts.
    # Variants: what is not public answers as a missing page, to the public at least.
    "community:idea[hidden]": row(lambda w: [w.hidden_idea.pk], only({ADMIN: 200, MOD: 200})),
    "programme:session[unpublished]": row(lambda w: [w.draft_session.pk], everyone(404)),
    "community:questions[unpublished session]": row(lambda w: [w.draft_session.pk], everyone(404)),
    "activities:detail[unpublished]": row(lambda w: [w.draft_activity.slug], everyone(404)),
    # Unlisted passes (speakers, press) are reached by their invitation link only.
    "registration:register[not public]": row(lambda w: [w.private_pass.slug], everyone(404)),
    "startups:startup[not selected]": row(lambda w: [w.other_application.slug], everyone(404)),
    "matchmaking:challenge[unpublished]": row(lambda w: [w.draft_challenge.pk], everyone(404)),
    "accounts:home": row(get=signed_in()),
    "accounts:sign_in": row(get={**everyone(REDIRECT), "anonymous": 200}),
    "accounts:login": row(get=everyone(403)),  # no link in the address: refused
    "accounts:my_data": row(get=signed_in()),  # one's own data only (see test_idor)
    # Staff accounts sign the history: their deletion goes through the admin role.
    "accounts:delete_my_data": row(get=signed_in(**dict.fromkeys(STAFF, 403))),
    "core:privacy": row(get=everyone()),
    "accounts:news": row(**post_only({"anonymous": SIGN_IN}, get_first=signed_in(405))),
    "accounts:sign_out": row(**post_only({})),
    # The administration's own pages (its model pages are below, as a group).
    "admin:index": row(get=admin_page(*STAFF)),
    "admin:login": row(get={**everyone(200), **dict.fromkeys(STAFF, REDIRECT)}),
    "admin:logout": row(
        get={**everyone(405), **dict.fromkeys(["anonymous", *PARTICIPANTS], REDIRECT)}
    ),
    "admin:password_change": row(get=admin_page(*STAFF)),
    "admin:password_change_done": row(get=admin_page(*STAFF)),
    "admin:autocomplete": row(get=admin_page()),  # no field named: 403
    "admin:jsi18n": row(get=admin_page(*STAFF)),
    "admin:view_on_site": row(
        lambda w: [_content_type_id(w.session), w.session.pk], admin_page(*STAFF, answer=404)
    ),  # no public page
    "admin:matchmaking_lounge_generate_slots": row(lambda w: [w.lounge.pk], admin_page(ADMIN)),
    "admin:activities_activity_generate_slots": row(lambda w: [w.activity.pk], admin_page(ADMIN)),
    "admin:editions_edition_make_current": row(
        lambda w: [w.edition.pk],
        **post_only(rejects(admin_page(ADMIN)), get_first=admin_page(*STAFF, answer=405)),
    ),
    "admin:auth_user_password_change": row(lambda w: [w.other.pk], admin_page(ADMIN)),
    "admin:dashboard_mailing_preview": row(lambda w: [w.mailing.pk], admin_page(ADMIN)),
}


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


# The resolver


def named_patterns(resolver=None, namespace=()):
    """(full name, route, view module) of every pattern; name None when it has none."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + ((pattern.namespace,) if pattern.namespace else ())
            yield from named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            name = ":".join(namespace + (pattern.name,)) if pattern.name else None
            yield name, str(pattern.pattern), pattern.lookup_str


# Unnamed patterns reach no page of their own: the admin's old-style redirects and
# its catch-all (both answer through the admin's checks), and media files in DEBUG.
# The API's catch-all answers every unknown /api/ address with a JSON 404 (api tests).
UNNAMED_ALLOWED = (
    "django.views.generic.base.RedirectView",
    "django.contrib.admin.sites.",
    "django.views.static.serve",
    "api.api.unknown_address",
)


def test_every_address_is_in_the_table():
    names = {name for name, _route, _view in named_patterns() if name}
    missing = names - set(TABLE) - admin_model_names()
    assert missing == set(), f"pages nobody said who may open: {sorted(missing)}"


def test_the_table_names_no_address_that_is_gone():
    names = {name for name, _route, _view in named_patterns() if name}
    assert {key.split("[")[0] for key in TABLE} - names == set()


def test_unnamed_patterns_are_only_the_admin_redirects_and_media():
    strays = [
        (route, view)
        for name, route, view in named_patterns()
        if name is None and not view.startswith(UNNAMED_ALLOWED)
    ]
    assert strays == []


def _answer(response):
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        with translation.override("fr"):
            known = {
                reverse("admin:login"): LOGIN,
                reverse("accounts:sign_in"): SIGN_IN,
                reverse("matchmaking:join"): JOIN,
            }
        return known.get(target, REDIRECT)
    return response.status_code


def _request(w, who, name, entry, method):
    with translation.override("fr"):
        address = reverse(
            getattr(entry, "name", name.split("[")[0]), args=entry.args(w) if entry.args else []
        )
    if entry.query:
        address += "?" + entry.query
    headers = {}
    if entry.token and who in w.tokens:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {w.tokens[who]}"
    client = w.clients[who]
    if method == "post":
        return client.post(address, {}, **headers)
    return client.get(address, **headers)


def _check(w, rows):
    # Each 403 and 404 is logged with its traceback by django.request: not here.
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)
    try:
        return _check_rows(w, rows)
    finally:
        request_log.setLevel(level)


def _check_rows(w, rows):
    wrong, checked = [], 0
    for name, entry in rows.items():
        if entry is None:
            continue
        for who in entry.get:
            got = _answer(_request(w, who, name, entry, "get"))
            checked += 1
            if got != entry.get[who]:
                wrong.append(f"GET  {name} as {who}: {got}, expected {entry.get[who]}")
        for who, expected in (entry.post or {}).items():
            got = _answer(_request(w, who, name, entry, "post"))
            checked += 1
            if got != expected:
                wrong.append(f"POST {name} as {who}: {got}, expected {expected}")
    return wrong, checked


@pytest.mark.django_db
def test_every_page_answers_each_person_as_the_table_says(world):
    with freeze_time(BEFORE_THE_EVENT):
        wrong, checked = _check(world, TABLE)
    assert wrong == [], "\n".join(wrong)
    assert checked > 1400


@pytest.mark.django_db
def test_every_admin_page_answers_each_role_as_its_permissions_say(world):
    with freeze_time(BEFORE_THE_EVENT):
        wrong, checked = _check(world, admin_model_rows(world))
    assert wrong == [], "\n".join(wrong)
    assert checked > 900
