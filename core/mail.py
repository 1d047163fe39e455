"""E-mails that tell a person what happened, in their language, as text and HTML.

Each app says what happened in a few paragraphs (its "story") and where to go
next (one link); this module lays them out the same way for every app and
sends after the change has committed, logging a failure instead of raising it.
"""

import logging
from dataclasses import dataclass, field

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


@dataclass
class Story:
    """What an e-mail says; the caller renders it under `translation.override(language)`."""

    subject: str
    paragraphs: list[str]
    greeting_name: str = ""
    link_label: str = ""
    link_url: str = ""
    # The footer: "name — dates — venue" of the edition it is about.
    signature: list[str] = field(default_factory=list)
    # (filename, content, mimetype)
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)


def compose(story: Story, *, to: str, language: str) -> EmailMultiAlternatives:
    context = {
        "story": story,
        "subject": story.subject,
        "language": language,
        "bidi": translation.get_language_bidi(),
    }
    message = EmailMultiAlternatives(
        subject=" ".join(story.subject.split()),  # never a line break in a header
        body=render_to_string("core/email/story.txt", context),
        to=[to],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string("core/email/story.html", context), "text/html")
    for filename, content, mimetype in story.attachments:
        message.attach(filename, content, mimetype)
    return message


def send_logged(message: EmailMultiAlternatives, **about) -> bool:
    """Send; on failure log it and return False. The change is committed already
    and its page says so, so a mail server's hiccup must not turn into an error page."""
    try:
        message.send()
    except Exception:
        logger.exception("E-mail not sent: %s", about)
        return False
    return True
