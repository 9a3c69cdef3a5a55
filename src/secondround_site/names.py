"""The names the shipped scripts share with Python, from the protocol, as build.mjs holds them."""

from __future__ import annotations

import json
from typing import Any

from secondround import protocol

__all__ = ["javascript_const", "protocol_names"]


def _names(values: tuple[str, ...]) -> dict[str, str]:
    return {value: value for value in values}


def protocol_names() -> dict[str, Any]:
    """What the page and worker scripts take from secondround.protocol, by the name they use."""
    return {
        "EVENT": _names(protocol.EVENT_KINDS),
        "FULL_TREE_EVENTS": sorted(protocol.FULL_TREE_EVENTS),
        "MESSAGE": _names(protocol.MESSAGE_KINDS),
        "FIELD": _names(protocol.FIELDS),
        "FAILURE": _names(protocol.FAILURE_CODES),
        "STATUS": _names(protocol.LOAD_STATUSES),
        "STEP": _names(protocol.LOAD_STEPS),
        "OP": _names(protocol.OP_KINDS),
        # data-copy-from as DATA.copy_from: a name JavaScript can write after a dot.
        "DATA": {n.removeprefix("data-").replace("-", "_"): n for n in protocol.DATA_ATTRIBUTES},
        "VALUE_TAG": protocol.VALUE_TAG,
        "VALUE_ATTR": protocol.VALUE_ATTR,
        "ROOT_ID": protocol.ROOT_ID,
        "KIT_ID": protocol.KIT_ID,
        "STORAGE_PREFIX": protocol.STORAGE_PREFIX,
        "PROBE_KEY": protocol.PROBE_KEY,
        "VIEW_CACHE_KEY": protocol.VIEW_CACHE_KEY,
        "TOKEN_MARK": protocol.TOKEN_MARK,
        "WORKER_MODULE": protocol.WORKER_MODULE,
        "ENTRY": _names(protocol.ENTRY_POINTS),
    }


def javascript_const(value: Any) -> str:
    """A value as JavaScript: JSON, with every object and list in it frozen.

    No script can change a name it shares with Python; a module (always strict) that tries
    fails there and then.
    """
    if isinstance(value, dict):
        inner = ",".join(f"{json.dumps(k)}:{javascript_const(v)}" for k, v in value.items())
        return f"Object.freeze({{{inner}}})"
    if isinstance(value, list | tuple):
        return f"Object.freeze([{','.join(javascript_const(v) for v in value)}])"
    return json.dumps(value)
