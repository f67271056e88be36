"""The search index. Built in issue 7."""
