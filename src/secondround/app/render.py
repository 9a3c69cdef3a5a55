"""The View's element tree and its HTML: the build writes this HTML, the page patches the DOM."""

from __future__ import annotations

from typing import Any, TypeAlias

from secondround.protocol import OP_KINDS, VALUE_TAG, OpKind

__all__ = ["OP_KINDS", "VALUE_TAG", "Attrs", "Node", "Op", "OpKind", "diff", "el", "to_html"]

Attrs: TypeAlias = dict[str, str | bool]
# A node is [tag, attrs, *children]; a child is a node or plain text. Lists, not tuples, so the
# tree is the same after a JSON round trip to the page.
Node: TypeAlias = list["str | Attrs | Node"]


def escape(text: str, quote: bool = True) -> str:
    """html.escape's rules; the html package is not imported, as it costs 30 ms in Pyodide."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


VOID = frozenset({"input", "br", "hr", "img", "meta", "link"})
# VALUE_TAG (the protocol's): an element whose content is its "value" attribute, never children.


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
    if tag == VALUE_TAG:
        attrs = dict(attrs)
        text = str(attrs.pop("value", ""))
        return f"<{tag}{_attrs_html(attrs)}>{escape(text, quote=False)}</{tag}>"
    head = f"<{tag}{_attrs_html(attrs)}>"
    if tag in VOID:
        return head
    inner = "".join(to_html(child) for child in children if isinstance(child, (str, list)))
    return f"{head}{inner}</{tag}>"


# An edit to the page's copy of the tree, addressed by child indices from the root:
#   ["node", path, node]             put this node (or text) at path
#   ["attrs", path, attrs]           give the element at path exactly these attributes
#   ["children", path, start, nodes] drop the children from start on, then append nodes
# The kinds are the protocol's OP_KINDS: the page's patcher (dom.js) reads them from build.mjs.
Op: TypeAlias = list[Any]


def diff(old: str | Node, new: str | Node) -> list[Op]:
    """The edits that turn old into new, in document order; [] when they are equal.

    Run in the worker, so the page applies a few small edits per keystroke instead of walking
    the whole tree on the main thread.
    """
    ops: list[Op] = []
    _diff(old, new, [], ops)
    return ops


def _diff(old: str | Node, new: str | Node, path: list[int], ops: list[Op]) -> None:
    if old == new:
        return
    if isinstance(old, str) or isinstance(new, str) or old[0] != new[0]:
        ops.append(["node", path, new])
        return
    if old[1] != new[1]:
        ops.append(["attrs", path, new[1]])
    if new[0] == VALUE_TAG:
        return
    old_kids, new_kids = old[2:], new[2:]
    common = min(len(old_kids), len(new_kids))
    for index in range(common):
        child_old, child_new = old_kids[index], new_kids[index]
        assert not isinstance(child_old, dict)
        assert not isinstance(child_new, dict)
        _diff(child_old, child_new, [*path, index], ops)
    if len(old_kids) != len(new_kids):
        ops.append(["children", path, common, new_kids[common:]])
