"""The import layers of ``docs/architecture.md`` hold, and nothing imports in a circle.

Layers, lowest first: people (identity) ← fagrom (project base: settings, shared form and
URL helpers) ← the domain models (forum, handbook, archive, search) ← access ← everything
that serves a request or runs a job (services, views, API, dashboards, search providers,
tasks, templatetags, Wagtail hooks, management commands, demo data).

The graph comes from grimp (import-linter's engine), which reads every import statement,
the ones inside functions included, so a lazy import cannot hide a back-import.
import-linter's own ``layers`` contract works on whole packages; here a layer is a kind of
module inside each app (``forum.models`` is low, ``forum.views`` is high), which its
contracts cannot say in one rule, so the classification below is ours and grimp does the
reading.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("people", "fagrom", "forum", "handbook", "archive", "search", "access", "demo")
MAX_MODULE_LINES = 500

PEOPLE, FAGROM, DOMAIN, ACCESS, TOP = range(5)
LAYER_NAMES = ("people", "fagrom", "domain models", "access", "services/views/API")

# Modules of the two lowest packages that handle requests or run commands sit on top, as do
# every app's management commands and Wagtail glue (wagtail_hooks, wagtail_admin).
REQUEST_SIDE = (
    "people.views",
    "people.urls",
    "people.forms",
    "people.auth",
    "fagrom.urls",
    "fagrom.views",
    "fagrom.api",
    "fagrom.frontpage",
    "fagrom.panels",
    "fagrom.health",
    "fagrom.wsgi",
    "fagrom.asgi",
)
# The domain apps' model layer: what models, blocks and page forms need, and nothing above.
DOMAIN_MODULES = (
    "forum.models",
    "forum.markup",
    "forum.rules",
    "handbook.models",
    "handbook.blocks",
    "handbook.privacy",
    "handbook.forms",
    "handbook.slugs",
    "archive.models",
    "search.models",
)


def _under(module: str, prefixes) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def layer_of(module: str) -> int:
    if _under(module, REQUEST_SIDE) or any(
        f".{glue}" in f"{module}." for glue in ("management.", "wagtail_hooks.", "wagtail_admin.")
    ):
        return TOP
    if _under(module, ("people",)):
        return PEOPLE
    if _under(module, ("fagrom",)):
        return FAGROM
    if _under(module, DOMAIN_MODULES):
        return DOMAIN
    if _under(module, ("access",)):
        return ACCESS
    return TOP


def _ours(module: str, packages) -> bool:
    return module.split(".")[0] in packages and ".migrations" not in module


def back_imports(graph, packages=PACKAGES, layer=layer_of) -> list[str]:
    """Every import from a lower layer to a higher one, as readable lines."""
    found = []
    for importer in sorted(m for m in graph.modules if _ours(m, packages)):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if _ours(imported, packages) and layer(imported) > layer(importer):
                lines = [
                    d["line_number"]
                    for d in graph.get_import_details(importer=importer, imported=imported)
                ]
                found.append(
                    f"{importer} ({LAYER_NAMES[layer(importer)]}) imports {imported} "
                    f"({LAYER_NAMES[layer(imported)]}) on line {lines}"
                )
    return found


def import_circles(graph, packages=PACKAGES) -> list[list[str]]:
    """Groups of modules that import each other in a circle (strongly connected, size > 1).

    Tarjan's algorithm, iteratively (grimp finds chains between two modules, not circles).
    """
    nodes = sorted(m for m in graph.modules if _ours(m, packages))
    edges = {
        m: sorted(i for i in graph.find_modules_directly_imported_by(m) if _ours(i, packages))
        for m in nodes
    }
    index, low, on_stack, stack, circles = {}, {}, set(), [], []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        circles.append(sorted(group))
    return circles


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def test_no_module_imports_from_a_higher_layer(graph):
    assert back_imports(graph) == []


def test_no_modules_import_each_other_in_a_circle(graph):
    assert import_circles(graph) == []


def test_models_never_import_the_access_layer(graph):
    for model_module in (m for m in graph.modules if _under(m, DOMAIN_MODULES)):
        assert not graph.chain_exists(importer=model_module, imported="access", as_packages=True), (
            model_module
        )


def test_no_module_outside_migrations_and_tests_is_longer_than_500_lines():
    too_long = []
    for package in (*PACKAGES, "bench"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert too_long == []


# The checks themselves fail on what they are meant to catch -----------------------------


@pytest.fixture
def toy_graph(tmp_path, monkeypatch):
    """A tiny project with one deliberate back-import and one circle."""
    files = {
        "toy_people/__init__.py": "",
        "toy_people/models.py": "import toy_access\n",  # identity reaches up to access
        "toy_access/__init__.py": "from toy_people import models\n",
        "toy_forum/__init__.py": "",
        "toy_forum/views.py": "from toy_forum import services\n",
        "toy_forum/services.py": "def later():\n    from toy_forum import views\n",
    }
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body))
    monkeypatch.syspath_prepend(str(tmp_path))
    return grimp.build_graph("toy_people", "toy_access", "toy_forum", cache_dir=None)


def _toy_layer(module: str) -> int:
    return {"toy_people": PEOPLE, "toy_access": ACCESS}.get(module.split(".")[0], TOP)


def test_a_deliberate_back_import_is_reported(toy_graph):
    found = back_imports(toy_graph, ("toy_people", "toy_access", "toy_forum"), _toy_layer)
    assert found == ["toy_people.models (people) imports toy_access (access) on line [1]"]


def test_a_deliberate_circle_is_reported_even_through_a_lazy_import(toy_graph):
    circles = import_circles(toy_graph, ("toy_people", "toy_access", "toy_forum"))
    assert ["toy_forum.services", "toy_forum.views"] in circles
    assert ["toy_access", "toy_people.models"] in circles
