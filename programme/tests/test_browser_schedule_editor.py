"""The schedule editor in a real browser: an organiser drags a session to another
space and time, then drags one onto a taken space and refuses the conflict."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.roles import assign_role
from core.tests.browser import new_context
from programme.tests.factories import SessionFactory, at

pytestmark = pytest.mark.browser
PASSWORD = "a long enough organiser password"


@pytest.fixture
def organiser_page(browser, live_server):
    person = User.objects.create_user("planner", "planner@example.org", PASSWORD)
    assign_role(person, "programme_manager")
    # Tall enough for the whole day's grid: a drag only reaches what is on screen.
    context = new_context(browser, viewport={"width": 1280, "height": 2400})
    page = context.new_page()
    target = "/fr/staff/schedule/"
    page.goto(f"{live_server.url}/fr/admin/login/?next={target}")
    page.fill("#id_username", "planner")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(f"**{target}")
    yield page
    context.close()


def test_organiser_drags_a_session_and_refuses_a_conflict(organiser_page, edition, session):
    page = organiser_page
    anfa = edition.spaces.get(slug="anfa")
    workshop = SessionFactory(
        edition=edition, space=anfa, starts_at=at(25, 16), title_fr="Atelier réparation"
    )
    page.reload()
    expect(page.locator("[data-editor-help]")).to_be_visible()

    page.locator(f"#s{session.pk} .card").drag_to(
        page.locator(f'td[data-space="{anfa.pk}"][data-start="14:00"]')
    )

    expect(page.locator("main")).to_contain_text("a été déplacée")
    session.refresh_from_db()
    assert (session.space, session.starts_at, session.ends_at) == (anfa, at(25, 14), at(25, 15))
    expect(page.locator(f'td#s{session.pk}[data-space="{anfa.pk}"]')).to_be_visible()

    # Onto the session just moved: Anfa at 14:00 is taken.
    page.locator(f"#s{workshop.pk} .card").drag_to(page.locator(f"td#s{session.pk}"))

    expect(page.locator("[role=alert]")).to_contain_text("Salle Anfa accueille deux sessions")
    page.get_by_role("link", name=re.compile("Refuser")).click()
    expect(page).to_have_url(re.compile(r"/fr/staff/schedule/\?edition=scc-2022&day=2022-05-25$"))
    workshop.refresh_from_db()
    assert workshop.starts_at == at(25, 16)
