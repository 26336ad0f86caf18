"""The limits a user's template runs under, so that no template can exhaust memory or time.

Jinja's sandbox keeps a template away from Python's internals, but not from making a
string of a billion characters (`'a' * 10**9`) or looping for ever (two nested loops over
`range(100000)`). These limits do, for `render --template DIR`:

- a value (text or list) holds at most MAX_SIZE characters or items: an operator, filter,
  method or macro that would make a bigger one stops the template, checked before the
  value is made where it could grow by multiplying (`*`, `**`, `center`, `replace`, ...);
- all the loops of one document together run at most MAX_ROUNDS rounds, so loops inside
  loops cannot multiply without end, and macros and functions are called at most
  MAX_CALLS times (a macro calling itself twice per call);
- `range()` gives at most MAX_RANGE numbers, and the document is at most MAX_DOCUMENT
  characters.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import Template, nodes
from jinja2.exceptions import TemplateRuntimeError
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_SIZE = 20_000_000
MAX_ROUNDS = 1_000_000
MAX_CALLS = 100_000
MAX_RANGE = 100_000
MAX_DOCUMENT = 200_000_000
MAX_WIDTH = 10_000
"""The widest field a format string may ask for (`'%10000d'`, `'{:>10000}'`)."""
MAX_BITS = 100_000
"""The largest whole number an operator may make, in bits (about 30,000 digits)."""

ROUNDS_FILTER = "movekit_loop_rounds"
"""The filter wrapped around every `{% for %}` loop's items, to count the rounds."""

# Filters and string methods whose result can be far larger than their input, and
# whether a whole-number argument is a size there (`center(80)`), not a value to show.
_GROWING_FILTERS = {"center": True, "indent": True, "batch": True, "slice": True}
_GROWING_FILTERS |= {"tojson": True, "replace": False, "join": False, "wordwrap": False}
_GROWING_FILTERS |= {"sum": False}  # `lists|sum(start=[])` joins lists
_GROWING_METHODS = {"center": True, "ljust": True, "rjust": True, "zfill": True}
_GROWING_METHODS |= {"expandtabs": True, "replace": False, "join": False}
_FORMATS = {"format", "format_map"}
_PERCENT_FIELD = re.compile(r"%[^a-zA-Z%]*")


class TemplateLimit(TemplateRuntimeError):
    """A template went over one of the limits."""


@dataclass
class _Budget:
    rounds: int = 0
    calls: int = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("movekit_template_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # rendered without fill_in: one budget for this context
        budget = _Budget()
        _BUDGET.set(budget)
    return budget


def fill_in(template: Template, values: Mapping[str, object]) -> str:
    """The template filled in, within the limits when its environment is a LimitedSandbox."""
    if not isinstance(template.environment, LimitedSandbox):
        return template.render(values)
    token = _BUDGET.set(_Budget())
    try:
        parts, size = [], 0
        for part in template.generate(values):
            size += len(part)
            if size > MAX_DOCUMENT:
                raise TemplateLimit(f"the template makes a document over {_mb(MAX_DOCUMENT)}")
            parts.append(part)
        return "".join(parts)
    finally:
        _BUDGET.reset(token)


def _mb(characters: int) -> str:
    return f"{characters // 1_000_000} MB"


def _too_big(what: str = "value") -> TemplateLimit:
    return TemplateLimit(
        f"this would make a {what} of more than {MAX_SIZE:,} characters or items "
        f"({_mb(MAX_SIZE)}), the most a template may make"
    )


_SIZED = (str, list, tuple, dict, set, frozenset)


def _checked(value: Any) -> Any:
    """`value`, unless it is text or a collection over the size limit."""
    if isinstance(value, _SIZED) and len(value) > MAX_SIZE:
        raise _too_big()
    return value


def _weight(value: object, sizes: bool) -> int:
    """How much `value` can multiply a result by: its length, or a number when `sizes`."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple):  # and what joining its items would make
        return len(value) + sum(len(item) for item in value if isinstance(item, _SIZED))
    if sizes and isinstance(value, int) and not isinstance(value, bool):
        return abs(value)
    return 0


def _check_growth(arguments: Iterable[object], sizes: bool) -> None:
    """Refuse, before it is made, a result that the product of the arguments puts over."""
    product = 1
    for argument in arguments:
        product *= max(1, _weight(argument, sizes))
        if product > MAX_SIZE:
            raise _too_big()


def _check_format(text: str, fields: list[str], arguments: Iterable[object]) -> None:
    """Refuse wide fields (`%10000000d`) and results over the size limit, before formatting."""
    for field in fields:
        widths = [int(digits) for digits in re.findall(r"\d+", field)]
        if "*" in field or "{" in field or any(width > MAX_WIDTH for width in widths):
            raise TemplateLimit(f"the format {field!r} asks for a field over {MAX_WIDTH:,} wide")
    longest = max((_weight(argument, False) for argument in arguments), default=0)
    if len(text) + len(fields) * (MAX_WIDTH + longest) > MAX_SIZE:
        raise _too_big("text")


def _percent_fields(text: str) -> list[str]:
    """The conversion specifiers of a `%` format, such as `%5d` and `%(name)s`."""
    return _PERCENT_FIELD.findall(text)


def _brace_fields(text: str) -> list[str]:
    """The format specs of a `str.format` string (`>10` in `{:>10}`), nested ones included."""
    return [spec or "" for _, name, spec, _ in string.Formatter().parse(text) if name is not None]


def _arguments(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> list[Any]:
    return [*args, *kwargs.values()]


def _rounds(items: Iterable[Any]) -> Iterator[Any]:
    """The items of a loop, counted against the document's budget of rounds."""
    budget = _budget()
    for item in items:
        budget.rounds += 1
        if budget.rounds > MAX_ROUNDS:
            raise TemplateLimit(
                f"this loop makes the template run more than {MAX_ROUNDS:,} loop rounds "
                "in all (loops inside loops multiply)"
            )
        yield item


def _range(*args: int) -> range:
    numbers = range(*args)
    try:
        too_many = len(numbers) > MAX_RANGE
    except OverflowError:  # more numbers than a machine word can count
        too_many = True
    if too_many:
        raise TemplateLimit(f"range() here gives more than {MAX_RANGE:,} numbers, the limit")
    return numbers


def _check_bits(bits: int) -> None:
    if bits > MAX_BITS:
        raise TemplateLimit("this makes a number too large for a template (over 30,000 digits)")


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` with its result size checked, and its growth checked first if it grows."""

    @functools.wraps(function)  # keeps Jinja's pass_context markers
    def limited(*args: Any, **kwargs: Any) -> Any:
        arguments = _arguments(args, kwargs)
        if name == "format":
            texts = [argument for argument in arguments if isinstance(argument, str)]
            text = texts[0] if texts else ""
            _check_format(text, _percent_fields(text), arguments)
        elif name in _GROWING_FILTERS:
            _check_growth(arguments, _GROWING_FILTERS[name])
        return _checked(function(*args, **kwargs))

    return limited


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with movekit's limits on sizes, loop rounds and calls."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _range
        self.filters = {name: _limited_filter(name, f) for name, f in self.filters.items()}
        self.filters[ROUNDS_FILTER] = _rounds

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, ROUNDS_FILTER, [], [], None, None)
            loop.iter.set_lineno(loop.lineno)
        return tree

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        whole = isinstance(left, int) and isinstance(right, int)
        if operator == "*" and whole:
            _check_bits(abs(left).bit_length() + abs(right).bit_length())
        elif operator == "*":
            _check_growth((left, right), sizes=True)
        elif operator == "**" and whole and right > 0:
            _check_bits(max(abs(left), 1).bit_length() * right)
        elif operator == "+":
            if _weight(left, False) + _weight(right, False) > MAX_SIZE:
                raise _too_big()
        elif operator == "%" and isinstance(left, str):
            arguments = right if isinstance(right, tuple) else (right,)
            _check_format(left, _percent_fields(left), arguments)
        return _checked(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        return _checked(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return _checked(super().getitem(obj, argument))

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.calls += 1
        if budget.calls > MAX_CALLS:
            raise TemplateLimit(
                f"the template calls macros or functions more than {MAX_CALLS:,} times"
            )
        if isinstance(obj, LoopContext) and args:  # `loop(children)` in a recursive loop
            args = (_rounds(args[0]), *args[1:])
        _check_method(obj, args, kwargs)
        return _checked(super().call(context, obj, *args, **kwargs))


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Check the growth of a text method (`'x'.center(10**9)`) before it runs."""
    method = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(method, "__self__", None)
    name = getattr(method, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _FORMATS:
        _check_format(owner, _brace_fields(owner), _arguments(args, kwargs))
    elif name in _GROWING_METHODS:
        _check_growth([owner, *_arguments(args, kwargs)], _GROWING_METHODS[name])
