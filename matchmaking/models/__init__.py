"""The Open Innovation Lounge: its set-up, participants, requests and meetings."""

from matchmaking.models.lounge import Lounge, LoungeSlot, LoungeTable
from matchmaking.models.meetings import Meeting, MeetingSide, SchedulerRun
from matchmaking.models.participants import Challenge, MeetingRequest, Profile

__all__ = [
    "Challenge",
    "Lounge",
    "LoungeSlot",
    "LoungeTable",
    "Meeting",
    "MeetingRequest",
    "MeetingSide",
    "Profile",
    "SchedulerRun",
]
