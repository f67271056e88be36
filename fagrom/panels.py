"""What a front-page panel is: a heading, a template and the data it shows.

Each app contributes panels from its own ``dashboard`` module (``forum.dashboard``,
...); ``fagrom.frontpage`` collects them. A panel function returns ``None`` when
the person has nothing there or lacks the role, so the page shows only what
concerns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PANEL_SIZE = 5  # rows a panel shows before its "show all" link


@dataclass
class Panel:
    key: str  # stable id: the heading's anchor and the CSS hook
    title: str
    template: str  # renders ``panel.items`` (and whatever else is in ``panel.extra``)
    items: list = field(default_factory=list)
    count: int | None = None  # how many there are in all, when more than ``items`` shows
    more_url: str = ""  # where the whole list lives
    empty_text: str = ""  # shown instead of hiding the panel, for sections everyone has
    extra: dict = field(default_factory=dict)

    @classmethod
    def listing(cls, rows, *, size: int = PANEL_SIZE, **fields) -> Panel:
        """A panel of the first ``size`` of ``rows`` (a queryset); counts them all only
        when the list is full, so a short list costs one query."""
        items = list(rows[:size])
        return cls(items=items, count=rows.count() if len(items) == size else len(items), **fields)

    @property
    def has_more(self) -> bool:
        return self.count is not None and self.count > len(self.items)
