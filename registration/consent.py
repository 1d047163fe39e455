"""The data-protection notice shown on the registration form (law 09-08).

Change CONSENT_VERSION whenever the text changes: each consent records the
version its person was shown.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2022-03-registration-v1"
NEWS_VERSION = "2026-12-news-v1"

CONSENT_TEXT = _(
    "I agree that the organiser processes the data of this form to manage my "
    "registration, my ticket and my entry to the symposium, in accordance with "
    "Moroccan law 09-08 on the protection of personal data. My data is kept for "
    "12 months after the event, is never sold, and I can access, correct or "
    "delete it at any time."
)

NEWS_TEXT = _(
    "Optional: e-mail me news of the symposium and of its next editions. I can stop "
    "them at any time from my account or from any of these e-mails."
)
