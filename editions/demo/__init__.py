"""The demo editions loaded by `manage.py load_demo`.

Everything here is data: the Smart City Casablanca Symposium 2022 (the seed's
edition, with a fictional programme and cast) and a small online 2021 edition
so that the archive has something to show. `load.py` writes it to the database.
"""
