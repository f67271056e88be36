"""Demo search: index everything the other demo steps created (run last)."""

from search.services import index_rebuild


def seed(*, stdout=None):
    written = index_rebuild()
    if stdout:
        stdout.write(f"  {written} dokumenter i søkeindeksen")
