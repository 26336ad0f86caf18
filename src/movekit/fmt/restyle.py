"""The value-by-value half of `movekit fmt`: flow or block style, and quotes only where needed.

It works on ruamel's round-trip tree, so comments, key order and anchors stay where they
are. The rules (docs/git.md has them for users):

- a list of short words or phrases is a flow list (`[a, b]`) when it fits in the line
  width (flowwidth.py), and a block list otherwise; an item that has to be quoted in a
  flow list but not in a block list (text with `, ` in it) keeps the list in block style;
- a mapping, or a list of mappings, written in flow style (`{id: x, mode: online}`)
  stays that way while it fits in the line width; block style stays block;
- a list or mapping with a comment in it or right after it, or with an anchor, keeps
  the style it was written in, so that no comment has to move;
- a quoted text loses its quotes when it reads as the same text without them, both for
  movekit (YAML 1.2) and for YAML 1.1 tools: `"yes"`, `"2027-01-11"` and `"1_000"` keep
  theirs, so that other tools reading the plan agree with movekit (yamltext.py decides,
  for `init` and `record` too);
- `[]` and `{}` stay as they are, comment or not (they have no block form).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from movekit.fmt.flowwidth import fits
from movekit.yamltext import plain_allowed, plain_is_safe

_QUOTED = (SingleQuotedScalarString, DoubleQuotedScalarString)
_BLOCK_TEXT = (LiteralScalarString, FoldedScalarString)
Container = CommentedMap | CommentedSeq


def restyle(data: Any) -> None:
    """Give every list and mapping of a plan its canonical style, and drop needless quotes."""
    if isinstance(data, CommentedMap):
        data.fa.set_block_style()
        _Restyler().children(data, column=0)


def unquoted(value: Any, *, flow: bool) -> Any:
    """A quoted text as plain text when every reader reads it back (yamltext.py decides);
    anything else unchanged."""
    if type(value) not in _QUOTED or _anchored(value):
        return value
    text = str.__str__(value)
    # a plain str would be turned back into the old quoted type when assigned to its key
    return PlainScalarString(text) if plain_is_safe(text, flow=flow) else value


class _Restyler:
    """Walks the tree once; an aliased list or mapping is styled where its anchor is."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def children(self, node: Container, column: int) -> None:
        """Visit a block node's values; its keys or dashes are at `column`."""
        if isinstance(node, CommentedMap):
            _unquote_keys(node, flow=False)
            for key in _own_keys(node):
                start = column + _key_width(key) + 2
                self._replace(node, key, self.visit(node[key], node, key, column + 2, start))
        else:
            for index, item in enumerate(node):
                self._replace(node, index, self.visit(item, node, index, column + 2, column + 2))

    def visit(self, value: Any, parent: Container, key: Any, column: int, start: int) -> Any:
        """Style one value: `column` is where its block lines go, `start` where flow begins."""
        if not isinstance(value, CommentedMap | CommentedSeq):
            return unquoted(value, flow=False)
        if id(value) in self.seen:
            return value
        self.seen.add(id(value))
        if _anchored(value):
            value.anchor.always_dump = True  # ruamel would drop an anchor no alias uses
        if _wants_flow(value, parent, key, start):
            _to_flow(value, parent, key)
            self.flow_scalars(value)
        else:
            _to_block(value, parent, key)
            self.children(value, column)
        return value

    def flow_scalars(self, node: Container) -> None:
        """Drop needless quotes everywhere inside a flow list or mapping."""
        if isinstance(node, CommentedMap):
            _unquote_keys(node, flow=True)
        for key in _own_keys(node) if isinstance(node, CommentedMap) else range(len(node)):
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq):
                if id(value) not in self.seen:
                    self.seen.add(id(value))
                    if _anchored(value):
                        value.anchor.always_dump = True
                    self.flow_scalars(value)
            else:
                self._replace(node, key, unquoted(value, flow=True))

    @staticmethod
    def _replace(node: Container, key: Any, value: Any) -> None:
        if node[key] is not value:
            node[key] = value


def _wants_flow(value: Container, parent: Container, key: Any, start: int) -> bool:
    if not value:
        return True  # `[]` and `{}` have no block form (ruamel would write `key:` then `[]`)
    is_flow = bool(value.fa.flow_style())
    if _anchored(value) or _has_comment(value, parent, key):
        return is_flow
    if isinstance(value, CommentedSeq) and not any(map(_is_container, value)):
        return all(map(_flow_friendly, value)) and fits(value, start, _flow_copy)
    return is_flow and fits(value, start, _flow_copy)


def _flow_friendly(item: Any) -> bool:
    """An item that reads as well in `[a, b]` as in a block list: not one that would need
    quotes only in the flow list (text with `, ` in it)."""
    if item is None or isinstance(item, _BLOCK_TEXT):
        return False
    if not isinstance(item, str):
        return True
    return not _written_plain(item, flow=False) or _written_plain(item, flow=True)


def _written_plain(item: str, *, flow: bool) -> bool:
    """Whether fmt writes this text without quotes in a flow or block collection."""
    if type(item) in _QUOTED:
        return unquoted(item, flow=flow) is not item
    return plain_allowed(str.__str__(item), flow=flow)


def _flow_copy(node: Any) -> Any:
    """The node as it would be written in flow style, without its comments."""
    copy: Container
    if isinstance(node, CommentedMap):
        copy = CommentedMap((unquoted(k, flow=True), _flow_copy(v)) for k, v in node.items())
    elif isinstance(node, CommentedSeq):
        copy = CommentedSeq(_flow_copy(item) for item in node)
    else:
        return unquoted(node, flow=True)
    copy.fa.set_flow_style()
    return copy


def _to_flow(value: Container, parent: Container, key: Any) -> None:
    if not value.fa.flow_style():
        # whole lines after the last item lead into what follows: keep them after the value
        trailing = _trailing(value)
        if trailing is not None:
            _slot(value, _last_key(value))[_post(value)] = None
            _set_post(parent, key, trailing)
        value.fa.set_flow_style()
    _drop_blank_lines(value, own=False)


def _to_block(value: Container, parent: Container, key: Any) -> None:
    if value.fa.flow_style():
        slot, last = _slot(parent, key), _last_key(value)
        if slot and slot[_post(parent)] is not None and last is not None:
            # blank lines written after a flow value now follow its last item
            _set_post(value, last, slot[_post(parent)])
            slot[_post(parent)] = None
    value.fa.set_block_style()


def _drop_blank_lines(node: Container, *, own: bool) -> None:
    """Blank lines inside a flow list or mapping would split it across lines: drop them
    (lines with a comment stay)."""
    for slot in node.ca.items.values():
        for index, token in enumerate(slot):
            if isinstance(token, CommentToken) and "#" not in token.value:
                slot[index] = None
    node.ca.end = [token for token in _tokens(node.ca.end) if "#" in token.value]
    comment = node.ca.comment
    if own and comment and isinstance(comment[0], CommentToken) and "#" not in comment[0].value:
        comment[0] = None
    for child in node.values() if isinstance(node, CommentedMap) else node:
        if isinstance(child, CommentedMap | CommentedSeq):
            _drop_blank_lines(child, own=True)


def _post(node: Container) -> int:
    """Where ruamel keeps the comment after a mapping value (2) or a list item (0)."""
    return 2 if isinstance(node, CommentedMap) else 0


def _slot(node: Container, key: Any) -> list[Any]:
    found = node.ca.items.get(key) if key is not None else None
    return found if isinstance(found, list) else []


def _set_post(node: Container, key: Any, token: Any) -> None:
    slot = node.ca.items.setdefault(key, [None] * (4 if isinstance(node, CommentedMap) else 2))
    slot[_post(node)] = token


def _last_key(node: Container) -> Any:
    if isinstance(node, CommentedMap):
        keys = _own_keys(node)
        return keys[-1] if keys else None
    return len(node) - 1 if len(node) else None


def _has_comment(value: Container, parent: Container, key: Any) -> bool:
    """A comment among the value's items or on its lines, which a change of style would
    have to move. Comments above the value, and whole lines after a block list's last item
    (they lead into what follows), do not count."""
    slot = _slot(parent, key)
    around = [slot[0], slot[2]] if isinstance(parent, CommentedMap) and slot else slot[:1]
    own = value.ca.comment[0] if value.ca.comment else None
    last, trailing = _last_key(value), _trailing(value)
    items = [
        [token for token in item_slot if token is not trailing] if item_key == last else item_slot
        for item_key, item_slot in value.ca.items.items()
    ]
    tokens = _tokens([around, own, items, value.ca.end])
    return any("#" in token.value for token in tokens)


def _trailing(value: Container) -> CommentToken | None:
    """What ruamel keeps after a block value's last item when it is whole lines (blank
    lines, comments) and no comment at the end of the item's own line."""
    if value.fa.flow_style():
        return None
    slot = _slot(value, _last_key(value))
    token = slot[_post(value)] if slot else None
    if isinstance(token, CommentToken) and token.value.startswith("\n"):
        return token
    return None


def _tokens(found: Any) -> Iterator[CommentToken]:
    if isinstance(found, CommentToken):
        yield found
    elif isinstance(found, list | tuple):
        for item in found:
            yield from _tokens(item)


def _unquote_keys(node: CommentedMap, *, flow: bool) -> None:
    if getattr(node, "merge", None):
        return  # positions of keys are unclear next to merged ones: leave them
    for position, key in enumerate(list(node)):
        plain = unquoted(key, flow=flow)
        if plain is key:
            continue
        comment = node.ca.items.pop(key, None)
        node.insert(position, plain, node.pop(key))
        if comment is not None:
            node.ca.items[plain] = comment


def _own_keys(node: CommentedMap) -> list[Any]:
    """The keys written in this mapping, not those merged in with `<<`."""
    own = getattr(node, "_ok", None)
    return [key for key in node if own is None or key in own]


def _key_width(key: Any) -> int:
    return len(str(key)) + (2 if type(key) in _QUOTED else 0)


def _is_container(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq)


def _anchored(value: Any) -> bool:
    anchor = getattr(value, "anchor", None)
    return anchor is not None and getattr(anchor, "value", None) is not None
