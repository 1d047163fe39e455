"""The demo Open Innovation Lounge of 2022: `data.py` describes it, `load.py` writes it."""
