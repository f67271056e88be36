"""The JSON API: shared pieces in ``common``, the mounted project API in ``project``."""
