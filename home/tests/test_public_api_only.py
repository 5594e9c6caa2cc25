"""The product uses Wagtail's and Django's documented API only: none of their private attributes
that the portal once relied on, and no page selection written as SQL. Tests and migrations are
not the product and are not scanned."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ["portal", "home", "news", "training", "partners", "bench"]
FORBIDDEN = [
    "_wagtail_route_for_request",
    "_wagtail_site",
    "_find_for_request",
    "_cached_parent_obj",
    "_get_raw_host",
    "RawSQL(",
    ".raw(",
]


def product_files():
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "tests" in parts or "migrations" in parts:
                continue
            yield path


def test_the_scan_sees_the_product():
    names = {path.relative_to(ROOT).as_posix() for path in product_files()}
    assert "home/pages/routing.py" in names and "portal/urls.py" in names
    assert not any("/tests/" in name or "/migrations/" in name for name in names)


@pytest.mark.parametrize("name", FORBIDDEN)
def test_no_private_attribute_or_sql_string_in_the_product(name):
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in product_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if name in line
    ]
    assert not found, f"{name} used in {found}"


def test_no_underscore_attribute_of_another_object():
    """No `thing._name` in the product (a private attribute of Wagtail, Django, treebeard or
    redis-py, or a memo stuck on their objects), except `_meta` (documented). An object's
    own attributes (`self._name`, `cls._name`) are its business."""
    found = []
    for path in product_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr != "_meta"
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert not found, found
