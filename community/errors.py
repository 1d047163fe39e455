from core.errors import RuleError


class CommunityError(RuleError):
    """A rule refused a question, a vote, an idea or feedback; `message` is translated."""
