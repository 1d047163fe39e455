"""What the Startup Village holds about a person, for accounts' privacy pages
(see core.personal_data)."""

from core.personal_data import PersonalData


def export(user) -> list[dict]:
    return [
        {
            "edition": a.call.edition.slug,
            "startup": a.name,
            "status": a.status,
            "contact_person": a.contact_name,
            "city": a.city,
            "pitch": a.pitch,
            "seeking": a.seeking,
        }
        for a in user.startup_applications.select_related("call__edition")
    ]


def erase(user, *, now) -> None:
    """The application stays for the jury's record; its contact person goes."""
    user.startup_applications.update(contact_name="")


APPLICATIONS = PersonalData("startup_applications", export=export, erase=erase)
