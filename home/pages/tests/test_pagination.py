"""home.pages.pagination: the one rule for ?page= on every public list (a positive whole
number naming an existing page, else 404)."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from home.pages.pagination import page_number, paginate

rf = RequestFactory()


@pytest.mark.parametrize("raw, number", [("", 1), ("1", 1), ("3", 3), (" 2", 2)])
def test_page_number_accepts_positive_integers(raw, number):
    assert page_number(rf.get("/", {"page": raw})) == number
    assert page_number(rf.get("/")) == 1


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "1.5", "1e3", "9" * 5000, "\x00"])
def test_page_number_refuses_anything_else_with_a_404(raw):
    with pytest.raises(Http404):
        page_number(rf.get("/", {"page": raw}))


def test_paginate_gives_the_page_or_a_404():
    items = list(range(5))
    page = paginate(rf.get("/", {"page": "3"}), items, 2)
    assert list(page.object_list) == [4]
    assert page.paginator.num_pages == 3
    for raw in ["4", "999999"]:
        with pytest.raises(Http404):
            paginate(rf.get("/", {"page": raw}), items, 2)
    # An empty list still has its first page; a page size of 0 is treated as 1.
    assert list(paginate(rf.get("/"), [], 10).object_list) == []
    assert paginate(rf.get("/"), items, 0).paginator.num_pages == 5
    assert paginate(rf.get("/", {"p": "2"}), items, 2, name="p").number == 2
