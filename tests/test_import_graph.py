"""The package's parts import forward only (read → clean → describe → annotate → pipeline → corpus →
store → run → show → cli, with model, errors, resources and the small shared helpers below all), and no
two parts import each other. Parsed from the source, lazy imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kliping"

# Each top-level module or subpackage → its layer; a part may import only from layers at or below its own.
LAYER = {
    "model": 0, "words": 0, "datelines": 0, "errors": 0, "resources": 0, "timestamps": 0, "budget": 0, "jsonout": 0,
    "read": 1,
    "clean": 2, "clean_furniture": 2, "clean_headlines": 2, "clean_context": 2,
    "describe": 3,
    "annotate": 4,
    "pipeline": 5,
    "corpus": 6,
    "store": 7, "store_files": 7, "store_records": 7, "store_salvage": 7, "store_grouping": 7, "store_search": 7,
    "store_verdicts": 7, "store_entities": 7, "store_queries": 7,
    "run": 8,
    "show": 9,
    "cli": 10, "cli_common": 10, "cli_desk": 10, "eval": 10, "eval_corpus": 10, "__init__": 10, "__main__": 10,
}

# Backward imports that exist today and are to go (issue 13). The set may only shrink.
KNOWN_BACKWARD: set[tuple[str, str]] = set()


def _part(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "kliping" and len(parts) > 1 else None


def package_parts() -> set[str]:
    return {p.name.removesuffix(".py") for p in PACKAGE.iterdir()
            if p.suffix == ".py" or (p / "__init__.py").exists()}


def import_edges() -> set[tuple[str, str]]:
    parts = package_parts()
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        source = relative.parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "kliping":  # "from kliping import resources", not "… import __version__"
                    targets = [alias.name for alias in node.names if alias.name in parts]
                elif (part := _part(node.module)) is not None:
                    targets = [part]
            elif isinstance(node, ast.ImportFrom) and node.level:
                raise AssertionError(f"{relative}: relative import; the project imports by full name")
            elif isinstance(node, ast.Import):
                targets = [p for alias in node.names if (p := _part(alias.name)) is not None]
            edges.update((source, target) for target in targets if target != source)
    return edges


def test_every_part_has_a_layer() -> None:
    assert package_parts() - set(LAYER) == set(), "a new part of the package: give it its place in LAYER"
    assert {b for _, b in import_edges()} <= set(LAYER)


def test_no_two_parts_import_each_other() -> None:
    edges = import_edges()
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert [part for part in sorted(graph) if part in reaches(part)] == []


def test_imports_run_forward_only() -> None:
    backward = {(a, b) for a, b in import_edges() if LAYER[b] > LAYER[a]}
    assert backward <= KNOWN_BACKWARD, f"new backward imports: {sorted(backward - KNOWN_BACKWARD)}"


def _top_level_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_annotate_names_are_imported_from_where_they_are_defined() -> None:
    """One way to each thing: a finder moved to a module of its own is imported from there, not
    through a module that imported it before (no re-exports inside annotate)."""
    annotate = PACKAGE / "annotate"
    defined = {f"kliping.annotate.{p.stem}": _top_level_names(ast.parse(p.read_text("utf-8")))
               for p in annotate.glob("*.py") if p.stem != "__init__"}
    relayed = []
    for path in [*PACKAGE.rglob("*.py"), *Path(__file__).parent.rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in defined:
                relayed += [f"{path.name}: {alias.name} from {node.module}" for alias in node.names
                            if alias.name not in defined[node.module]]
    assert relayed == []
