"""The demo editions (2021 archive, 2022 current) and their loader, which writes the programme."""
