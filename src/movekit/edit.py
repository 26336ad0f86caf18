"""The one place that sets up ruamel.yaml, for commands that write plans back.

Its round trip keeps every comment, the order of keys and the layout of the plan; the
settings below match the layout of movekit's own plans and examples.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import ReusedAnchorWarning
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from movekit.source import resolve_plain

_CORE = "tag:yaml.org,2002:"


class _CoreResolver(VersionedResolver):
    """Types plain scalars exactly as movekit reads them (source.resolve_plain).

    ruamel's own YAML 1.2 resolver also knows timestamps, `1_000` and, after a `%YAML 1.1`
    line, yes/no booleans; values it types differently from movekit could be written back
    in another form (`2001-12-14t21:59:43.10-05:00` as `2001-12-14T21:59:43.100000-05:00`)
    that movekit would read as different text.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix=_CORE + _core_type(resolve_plain(value)))
        return super().resolve(kind, value, implicit)


def _core_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    return "int" if isinstance(value, int) else "float" if isinstance(value, float) else "str"


class _Emitter(Emitter):
    """ruamel 0.19's emitter, with a flag that must not outlive the line it was set for.

    After a comment above a list, the "no line break before the next key" flag could
    survive past comments at line ends and swallow a later line break: a list holding a
    flow mapping with a comment, then a mapping with a comment on its first key, came out
    as `unit: c baseline: 0`. A comment at the end of a line ends that line, so the flag
    is cleared there.
    """

    def write_comment(self, comment: Any, pre: bool = False) -> None:
        super().write_comment(comment, pre)
        if not pre:
            self.no_newline = False


class _Composer(Composer):
    """ruamel 0.19's composer, keeping the comment lines above a flow list or mapping.

    When a flow list or mapping also had a comment at the end of its line, that comment
    replaced the ones above it, which were lost (`# note` in `- {a: 1}`, `# note`,
    `- {b: 2}  # end`).
    """

    def compose_sequence_node(self, anchor: Any) -> Any:
        return self._keep_lines_above(super().compose_sequence_node, anchor)

    def compose_mapping_node(self, anchor: Any) -> Any:
        return self._keep_lines_above(super().compose_mapping_node, anchor)

    def _keep_lines_above(self, compose: Any, anchor: Any) -> Any:
        before = self.parser.peek_event().comment
        node = compose(anchor)
        above = before[1] if before and len(before) > 1 else None
        after = node.comment
        if above and after is not before and after and len(after) > 1 and after[1] is None:
            after[1] = above
        return node


def round_trip(*, faithful: bool = False) -> YAML:
    """A ruamel.yaml instance that reads and writes plans without losing anything.

    With `faithful`, plain scalars are typed as movekit reads them, so that writing a
    value back can never change what movekit reads, and a known emitter bug is avoided
    (what `movekit fmt` needs).
    """
    yaml = YAML(typ="rt")
    if faithful:
        yaml.Resolver = _CoreResolver
        yaml.Emitter = _Emitter
        yaml.Composer = _Composer
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap long lines
    yaml.preserve_quotes = True
    return yaml


def load(text: str, *, faithful: bool = False) -> Any:
    """A plan's text as ruamel's commented mappings and sequences."""
    with warnings.catch_warnings():
        # ruamel warns on stderr about an anchor defined twice; YAML allows it
        warnings.simplefilter("ignore", ReusedAnchorWarning)
        return round_trip(faithful=faithful).load(text)


def dump(data: Any, *, faithful: bool = False) -> str:
    """Commented data back to text."""
    out = io.StringIO()
    round_trip(faithful=faithful).dump(data, out)
    return out.getvalue()
