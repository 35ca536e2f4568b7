"""The type stubs name exactly what the extension module defines."""

import ast
from pathlib import Path

import tally
from tally import _native


def _stub_names(path: Path) -> set:
    tree = ast.parse(path.read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_native_stub_matches_module():
    stub = Path(__file__).resolve().parents[1] / "tally" / "_native.pyi"
    defined = {n for n in dir(_native) if not n.startswith("_") or n == "__version__"}
    assert _stub_names(stub) - {"RowItem"} == defined


def test_public_api_is_documented():
    for name in tally.__all__:
        obj = getattr(tally, name)
        if callable(obj) and name not in {"Document"}:
            assert obj.__doc__, name
