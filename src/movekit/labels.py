"""How movekit names a plan's items in words, for messages, reports and documents."""

from __future__ import annotations

from movekit.model import Bridge, Stage


def one_line(text: str | None) -> str:
    """`text` with every run of white space (line breaks included) as one space."""
    return " ".join((text or "").split())


def numbered_label(kind: str, index: int, name: str = "") -> str:
    """An item of an ordered list in words: `stage 2 'turn-up'`, or `stage 2` with no name.

    `index` is the item's 0-based place in its list; people count from 1.
    """
    number = f"{kind} {index + 1}"
    return f"{number} '{name}'" if name else number


def stage_label(stage: Stage, index: int) -> str:
    """A stage in words: `stage 2 'turn-up'` (its id, else its name), or `stage 2`."""
    return numbered_label("stage", index, stage.id or one_line(stage.name))


def bridge_label(bridge: Bridge, index: int) -> str:
    """A bridge in words: `bridge 2 'map-to-walk'` (its id), or `bridge 2`."""
    return numbered_label("bridge", index, bridge.id or "")


def capitalised(text: str) -> str:
    """`text` with its first letter upper-case, for a label that starts a sentence."""
    return text[:1].upper() + text[1:]


def quoted_list(names: list[str]) -> str:
    """Names in words: `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`."""
    quoted = [f"'{name}'" for name in names]
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)
