"""What the community's tests share: visitors who opened a page first, as real ones
do (the page gives their browser its device), and a board without pre-moderation."""

import pytest

from community import questions


@pytest.fixture
def visitor(client):
    """`visitor(page)`: a new browser that opened `page`, so its posts count."""

    def opened(page, **defaults):
        browser = type(client)(**defaults)
        assert browser.get(page).status_code == 200
        return browser

    return opened


@pytest.fixture
def open_board(session):
    """The session's questions show as soon as they are asked (no pre-moderation)."""
    return questions.set_board(questions.board_of(session), is_open=True, premoderated=False)
