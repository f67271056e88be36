"""The archive: nominations, cases, journal entries. Built in issue 6."""
