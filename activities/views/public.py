"""Public pages of the public programme (written by the public-views work)."""
