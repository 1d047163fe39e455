"""Entrance pages for staff (written by the entrance work)."""
