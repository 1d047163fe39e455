"""The one shape of a refusal by a business rule, shared by every app's services."""


class RuleError(Exception):
    """A rule refused the change. `message` is translated, for people; `code` is
    stable, for machines and tests (pretix's `CheckInError(msg, "already_redeemed")`)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
