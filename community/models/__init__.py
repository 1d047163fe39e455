"""Community intelligence: the audience's questions, polls, ideas and feedback.

Every vote is a row with a unique (thing, voter) pair, so a person votes once
whatever the concurrency; the thing's counter is raised in the same transaction
(a conditional UPDATE), so lists sort by votes without counting rows.
A voter is a signed-in account or, for visitors, a device (community/voters.py).
"""

from community.models.feedback import Feedback
from community.models.ideas import Idea, IdeaComment, IdeaVote, Report
from community.models.polls import Poll, PollBallot, PollOption
from community.models.questions import Question, QuestionBoard, QuestionVote

__all__ = [
    "Feedback",
    "Idea",
    "IdeaComment",
    "IdeaVote",
    "Poll",
    "PollBallot",
    "PollOption",
    "Question",
    "QuestionBoard",
    "QuestionVote",
    "Report",
]
