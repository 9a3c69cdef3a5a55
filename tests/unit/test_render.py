"""render: HTML escaping, and diff() whose edits the page applies to its DOM."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text

from secondround.app.render import Node, Op, diff, el, to_html


def apply_ops(tree: Node, ops: list[Op]) -> Node:
    """Apply diff() edits to a tree the way kit.js applies them to the DOM (its model here)."""
    root: Node = json_copy(tree)
    for op in ops:
        kind, path = op[0], op[1]
        if not path and kind == "node":
            root = json_copy(op[2])
            continue
        parent: Any = root
        for index in path[:-1] if kind == "node" else path:
            parent = parent[2 + index]
        if kind == "node":
            parent[2 + path[-1]] = json_copy(op[2])
        elif kind == "attrs":
            parent[1] = dict(op[2])
        else:
            del parent[2 + op[2] :]
            parent.extend(json_copy(op[3]))
    return root


def json_copy(value: Any) -> Any:
    if isinstance(value, list):
        return [json_copy(item) for item in value]
    if isinstance(value, dict):
        return dict(value)
    return value


class TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


# Any text a browser hands over; carriage returns aside, which HTML itself folds into newlines.
html_text = hostile_text.map(lambda t: t.replace("\r", ""))


@given(html_text, html_text)
def test_user_text_stays_text_in_html(text: str, value: str) -> None:
    html = to_html(el("div", {"title": value}, el("p", {}, text), el("textarea", {"value": value})))
    parsed = TextOnly()
    parsed.feed(html)
    parsed.close()
    assert parsed.tags == ["div", "p", "textarea"]
    assert parsed.attrs == [("title", value)]
    assert "".join(parsed.text) == text + value


@pytest.mark.parametrize(
    ("node", "html"),
    [
        (el("p", {}, "a < b & c"), "<p>a &lt; b &amp; c</p>"),
        (
            el("input", {"value": 'say "hi"', "checked": True, "hidden": False}),
            '<input value="say &quot;hi&quot;" checked>',
        ),
        (
            el("textarea", {"id": "t", "value": "</textarea><b>"}),
            '<textarea id="t">&lt;/textarea&gt;&lt;b&gt;</textarea>',
        ),
        (el("ul", {}, el("li", {}, "one"), None, ""), "<ul><li>one</li></ul>"),
    ],
    ids=["text", "attributes", "textarea", "dropped-children"],
)
def test_to_html_table(node: Node, html: str) -> None:
    assert to_html(node) == html


@pytest.mark.parametrize(
    ("old", "new", "ops"),
    [
        (el("p", {}, "a"), el("p", {}, "a"), []),
        (el("p", {}, "a"), el("p", {}, "b"), [["node", [0], "b"]]),
        (
            el("p", {"class": "x"}, "a"),
            el("p", {"class": "y"}, "a"),
            [["attrs", [], {"class": "y"}]],
        ),
        (
            el("ul", {}, el("li", {}, "1")),
            el("ul", {}, el("li", {}, "1"), el("li", {}, "2")),
            [["children", [], 1, [["li", {}, "2"]]]],
        ),
        (
            el("ul", {}, el("li", {}, "1"), el("li", {}, "2")),
            el("ul", {}),
            [["children", [], 0, []]],
        ),
        (
            el("div", {}, el("p", {}, "x")),
            el("div", {}, el("h2", {}, "x")),
            [["node", [0], ["h2", {}, "x"]]],
        ),
        (
            el("textarea", {"value": "a"}),
            el("textarea", {"value": "b"}),
            [["attrs", [], {"value": "b"}]],
        ),
    ],
    ids=["same", "text", "attrs", "append", "truncate", "retag", "textarea"],
)
def test_diff_table(old: Node, new: Node, ops: list[Op]) -> None:
    assert diff(old, new) == ops


def trees(depth: int = 3) -> st.SearchStrategy[Any]:
    """Small trees of plain elements and text (textarea, whose children never count, aside)."""
    text = st.sampled_from(["a", "b", "", "c d"])
    attrs = st.dictionaries(
        st.sampled_from(["id", "class", "value"]), st.sampled_from(["1", "2"]), max_size=2
    )
    kids = st.lists(trees(depth - 1), max_size=4) if depth else st.lists(text, max_size=2)
    element = st.builds(
        lambda tag, a, children: [tag, a, *children],
        st.sampled_from(["div", "p", "span"]),
        attrs,
        kids,
    )
    return element if depth == 3 else st.one_of(text, element)


@given(trees(), trees())
def test_diff_edits_turn_the_old_tree_into_the_new(old: Node, new: Node) -> None:
    assert apply_ops(old, diff(old, new)) == new
