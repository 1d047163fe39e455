"""What the API answers, as pydantic schemas (and so in the OpenAPI document)."""

from datetime import date, datetime

from ninja import Field, Schema


class Error(Schema):
    code: str
    message: str


class PivotOut(Schema):
    slug: str
    name: str
    colour: str
    description: str
    keywords: list[str]


class SpaceOut(Schema):
    slug: str
    name: str
    kind: str
    capacity: int | None


class EditionOut(Schema):
    slug: str
    name: str
    theme: str
    starts_on: date
    ends_on: date
    time_zone: str
    venue: str
    city: str
    is_current: bool


class EditionDetail(EditionOut):
    pivots: list[PivotOut]
    spaces: list[SpaceOut]


class SpeakerRef(Schema):
    id: int
    name: str


class SessionOut(Schema):
    id: int
    edition: str
    title: str
    abstract: str
    kind: str
    pivot: str | None
    space: str | None
    starts_at: datetime
    ends_at: datetime
    languages: list[str]
    speakers: list[SpeakerRef]


class SpeakerOut(Schema):
    id: int
    name: str
    organisation: str
    position: str
    biography: str
    city: str
    country: str


class SlotOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    capacity: int
    places_left: int
    state: str


class ActivityAvailability(Schema):
    slug: str
    title: str
    kind: str
    slots: list[SlotOut]


class CheckInIn(Schema):
    secret: str = Field(..., max_length=200, description="The ticket's QR code, as scanned.")
    gate: str = Field(..., min_length=1, max_length=50)
    nonce: str = Field(
        ...,
        pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="One per scan: the same nonce again gives the same answer.",
    )


class CheckInOut(Schema):
    result: str
    admitted: bool
    message: str
    name: str | None
    pass_name: str | None


class RegistrationOut(Schema):
    id: int
    first_name: str
    last_name: str
    organisation: str
    pass_name: str
    status: str
    checked_in: bool
