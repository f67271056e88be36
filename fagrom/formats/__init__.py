"""Date formats per language (``FORMAT_MODULE_PATH``).

Templates ask for a named format (``|date:"DATE_FORMAT"``) so that English readers get
"27 July 2026" rather than the Norwegian "27. July 2026". Only the names Django's
``date`` filter knows are used; what is not set here falls back to Django's locale.
"""
