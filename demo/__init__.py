"""The demo content loaded by `manage.py load_demo`, kept apart from the domain apps.

Everything here is data and the code that writes it: the Smart City Casablanca
Symposium 2022 (the seed's edition, with a fictional programme and cast) and a
small online 2021 edition so that the archive has something to show, then the
2022 edition's registrations, Startup Village, lounge, public programme and
community. One package per part it fills (`editions/`, `programme/`,
`startups/`, `matchmaking/`) or one module when a file is enough; `records.py`
holds the plain records they share.

The demo sits at the top of the import layers: it may import any app, and no
app imports it.
"""
