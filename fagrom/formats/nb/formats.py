# Django's nb locale has DATE_FORMAT "j. F Y" and DATETIME_FORMAT "j. F Y H:i" already;
# the short forms there are numeric (d.m.Y), ours keep the month's name in lower case ("27. jul 2026"; "Jul" is Christmas).
SHORT_DATE_FORMAT = "j. b Y"
SHORT_DATETIME_FORMAT = "j. b Y H:i"
