"""The demo Startup Village of 2022: `data.py` describes it, `load.py` writes it."""
