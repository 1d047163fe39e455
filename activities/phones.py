"""Phone numbers as visitors type them, judged by libphonenumber.

Moroccan numbers may be typed the local way (06 12 34 56 78, 0522-12-34-56),
with the country code (+212 6 12 34 56 78, 00212 612345678, 212612345678) or
any international number (+33 6 12 34 56 78). They are stored in E.164
(+212612345678), so one person's bookings are found whichever way they typed it.
"""

import re

import phonenumbers

DEFAULT_REGION = "MA"
# What may be typed before libphonenumber looks at it: digits and the usual separators.
TYPED = re.compile(r"^\+?[0-9\s().\-/]{6,30}$")


def normalised_phone(typed: str) -> str | None:
    """The number in E.164, or None when it is not a valid phone number."""
    typed = (typed or "").strip()
    if not TYPED.match(typed):
        return None
    digits = re.sub(r"\D", "", typed)
    if not typed.startswith("+") and digits.startswith("00"):
        typed = "+" + digits[2:]  # 00212… is the international prefix dialled from Morocco
    elif not typed.startswith("+") and digits.startswith("212") and len(digits) == 12:
        typed = "+" + digits  # 212612345678: the country code without its +
    try:
        number = phonenumbers.parse(typed, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def readable_phone(e164: str) -> str:
    """+212612345678 → +212 6 12 34 56 78 (libphonenumber's international layout)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
