"""The layers of docs/architecture.md, read from the source: who may import whom.

Every import counts, also one made inside a function (a lazy import is still a dependency).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "netcompanion"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py") if "migrations/versions" not in str(path)}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's own modules that `name` imports (a package counts as its __init__)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in known and target != name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _cycle_from(graph: dict[str, set[str]], start: str) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in graph[node]:
            if nxt == start:
                return [*trail, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*trail, nxt]))
    return None


def test_no_module_imports_itself_back_through_others() -> None:
    graph = _graph()
    # a package's __init__ that re-exports its own submodules is the one allowed loop:
    # submodule -> package (for a sibling) is then read as submodule -> sibling
    for name, targets in graph.items():
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    cycles = [cycle for name in sorted(graph) if (cycle := _cycle_from(graph, name))]
    assert not cycles, "import circles: " + "; ".join(" -> ".join(c) for c in cycles[:5])


@pytest.mark.parametrize(("layer", "forbidden"), [
    ("netcompanion.core", ("PySide6", "netcompanion.gui", "netcompanion.cli", "netcompanion.ocr", "netcompanion.interop")),
    ("netcompanion.ocr", ("PySide6", "netcompanion.gui", "netcompanion.cli", "netcompanion.core",
                          "netcompanion.interop")),
    ("netcompanion.interop", ("PySide6", "netcompanion.gui", "netcompanion.cli")),
    ("netcompanion.phone", ("PySide6", "netcompanion.gui", "netcompanion.cli", "netcompanion.core.services",
                            "sqlalchemy", "sqlmodel")),
    ("netcompanion.gui", ("sqlalchemy", "sqlmodel", "sqlite3")),
    ("netcompanion.core.rules", ("sqlalchemy", "sqlmodel", "netcompanion.core.store", "netcompanion.core.services")),
    ("netcompanion.core.store", ("netcompanion.core.services", "netcompanion.core.rules")),
])
def test_layers_import_only_what_is_below_them(layer: str, forbidden: tuple[str, ...]) -> None:
    offenders = []
    for name, path in _modules().items():
        if name != layer and not name.startswith(layer + "."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module]
            else:
                continue
            offenders += [f"{name} imports {t}" for t in targets
                          if any(t == f or t.startswith(f + ".") for f in forbidden)]
    assert not offenders, "\n".join(offenders)
