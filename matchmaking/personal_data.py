"""What the Open Innovation Lounge holds about a person, for accounts' privacy pages
(see core.personal_data)."""

from core.personal_data import ERASED, PersonalData


def export(user) -> list[dict]:
    return [
        {
            "edition": p.lounge.edition.slug,
            "kind": p.kind,
            "organisation": p.organisation,
            "name_shown": p.display_name,
            "who_we_are": p.summary,
            "offers": p.offers,
            "seeking": p.seeking,
            "sectors": p.sectors,
        }
        for p in user.lounge_profiles.select_related("lounge__edition")
    ]


def erase(user, *, now) -> None:
    user.lounge_profiles.update(display_name=ERASED)


LOUNGE_PROFILES = PersonalData("lounge_profiles", export=export, erase=erase)
