"""Noark 5 archive extracts (arkivuttrekk): see ``export.py``."""
