"""The demo programme of 2022: sessions by day and space, and the cast of speakers (data only)."""
