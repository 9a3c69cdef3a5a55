"""The View's element tree and its HTML: the build writes this HTML, the page patches the DOM."""

from __future__ import annotations

from html import escape
from typing import TypeAlias

__all__ = ["Attrs", "Node", "el", "to_html"]

Attrs: TypeAlias = dict[str, str | bool]
# A node is [tag, attrs, *children]; a child is a node or plain text. Lists, not tuples, so the
# tree is the same after a JSON round trip to the page.
Node: TypeAlias = list["str | Attrs | Node"]

VOID = frozenset({"input", "br", "hr", "img", "meta", "link"})


def el(tag: str, attrs: Attrs | None = None, *children: str | Node | None) -> Node:
    """One element; None children are dropped so optional parts read naturally."""
    node: Node = [tag, dict(attrs or {})]
    node.extend(child for child in children if child is not None and child != "")
    return node


def _attrs_html(attrs: Attrs) -> str:
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value), quote=True)}"')
    return "".join(out)


def to_html(node: str | Node) -> str:
    """Serialize a tree; every text and attribute value is escaped, so user text stays text."""
    if isinstance(node, str):
        return escape(node, quote=False)
    tag = node[0]
    attrs = node[1]
    assert isinstance(tag, str)
    assert isinstance(attrs, dict)
    children = node[2:]
    if tag == "textarea":
        # A textarea's content is its value; the view keeps it in the "value" attribute.
        attrs = dict(attrs)
        text = str(attrs.pop("value", ""))
        return f"<textarea{_attrs_html(attrs)}>{escape(text, quote=False)}</textarea>"
    head = f"<{tag}{_attrs_html(attrs)}>"
    if tag in VOID:
        return head
    inner = "".join(to_html(child) for child in children if isinstance(child, (str, list)))
    return f"{head}{inner}</{tag}>"
