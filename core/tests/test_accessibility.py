"""Accessibility audits of the public programme, village, lounge and Smart City Connect
with axe-core, and a check that the programme page stays on our server and needs
no JavaScript.

axe-core comes from npm (`npm ci` at the repository root, pinned in
package-lock.json). The audited pages keep their strict CSP in production; the
audit context bypasses it only so that axe itself can be injected.
"""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from activities.models import Activity
from community.models import Idea, Question
from core.tests.browser import axe_source, new_context
from editions.services import current_edition
from programme.models import Session
from startups.models import Application

pytestmark = pytest.mark.browser

LANGUAGES = ["fr", "ar", "en"]
PAGES = [
    "programme",
    "session",
    "speaker",
    "startups",
    "startup",
    "lounge",
    "activities",
    "activity",
    "availability",
    "questions",
    "ideas",
    "idea",
    "propose",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def demo_paths(transactional_db) -> dict[str, str]:
    """The demo edition and the path, after the language prefix, of each audited page:
    the timetable, a session with speakers and its first speaker, the Startup
    Village with one selected startup (an Arabic one: the hardest to lay out), and
    the lounge, Smart City Connect (its list, an activity, the availability), a
    debate's questions and poll, the ideas board, an Arabic idea and the form."""
    call_command("load_demo", stdout=StringIO())
    session = (
        Session.objects.published()
        .filter(edition=current_edition(), pivot__isnull=False, space__isnull=False)
        .filter(appearances__isnull=False)
        .order_by("starts_at", "pk")
        .first()
    )
    assert session is not None, "the demo edition has no session with a speaker"
    speaker = session.appearances.order_by("position", "pk").first().speaker
    startup = Application.objects.selected().filter(language="ar").order_by("pk").first()
    return {
        "programme": "/programme/",
        "session": f"/programme/sessions/{session.pk}/",
        "speaker": f"/programme/speakers/{speaker.pk}/",
        "startups": "/startups/",
        "startup": f"/startups/{startup.slug}/",
        "lounge": "/matchmaking/",
        "activities": "/activities/",
        "activity": f"/activities/{Activity.objects.order_by('position', 'pk').first().slug}/",
        "availability": "/activities/availability/",
        "questions": f"/programme/sessions/{Question.objects.first().board.session_id}/questions/",
        "ideas": "/ideas/",
        "idea": f"/ideas/{Idea.objects.filter(language='ar').first().pk}/",
        "propose": "/ideas/new/",
    }


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            summary = " ".join(node.get("failureSummary", "").split())
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_serious_accessibility_violation(
    browser,
    live_server,
    axe,
    demo_paths,
    language,
):
    # One test per language audits every page: the demo is loaded once for all of them.
    context = new_context(browser, bypass_csp=True)
    page = context.new_page()
    failures = []
    for page_name in PAGES:
        url = f"{live_server.url}/{language}{demo_paths[page_name]}"
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        page.add_script_tag(content=axe)
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            failures.append(
                f"{url}: {len(blocking)} serious or critical violation(s)\n" + describe(blocking)
            )
    context.close()

    assert not failures, "\n".join(failures)


def test_programme_page_stays_on_our_server_and_needs_no_javascript(
    browser,
    live_server,
    demo_paths,
):
    context = new_context(browser)  # the real CSP applies here
    page = context.new_page()
    requests, csp_errors = [], []
    page.on("request", lambda request: requests.append(request))

    def note_csp_error(message):
        if "Content Security Policy" in message.text:
            csp_errors.append(message.text)

    page.on("console", note_csp_error)
    page.goto(f"{live_server.url}/fr{demo_paths['programme']}", wait_until="networkidle")
    context.close()

    assert requests, "no request was recorded"
    leaving = [
        request.url
        for request in requests
        if urlsplit(request.url).scheme != "data" and urlsplit(request.url).hostname != "127.0.0.1"
    ]
    assert not leaving, f"requests leaving 127.0.0.1: {leaving}"
    scripts = [request.url for request in requests if request.resource_type == "script"]
    assert not scripts, f"the programme page loads JavaScript: {scripts}"
    assert not csp_errors, f"the Content-Security-Policy blocked parts of the page: {csp_errors}"
