"""The quality handbook (Wagtail pages). Built in issue 5."""
