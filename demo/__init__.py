"""Demo content for `manage.py seed_demo`, one module per domain.

Written for Fagrom (not copied from anywhere). Every seed function is
idempotent: it looks objects up by natural keys before creating them.
"""
