"""Safe YAML loading that remembers the line of every key, so that errors can name it."""
from __future__ import annotations

from .errors import ConfigError
from .hints import Any

MAX_NODES = 200_000  # an alias bomb expands past this long before it costs anything


def load_yaml(text: str, path: str) -> tuple[Any, dict[tuple, tuple[int, int]]]:
    """Parse YAML (safe tags only) → (data, {key path: (1-based line, 1-based column)})."""
    try:
        return _load_yaml(text, path)
    except RecursionError:
        # PyYAML composes and constructs recursively: [[[[…]]]] a few hundred deep exhausts the stack.
        raise ConfigError("YAML 嵌套层数过多", path) from None


def _load_yaml(text: str, path: str) -> tuple[Any, dict[tuple, tuple[int, int]]]:
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    if node is None:
        return None, {}
    _check_size(node, path)
    try:
        data = yaml.SafeLoader(text).construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        raise ConfigError(f"YAML 内容无法读取：{getattr(exc, 'problem', exc)}", path,
                          mark.line + 1 if mark else None) from None
    lines: dict[tuple, tuple[int, int]] = {}
    _record_lines(node, (), lines, set())
    return data, lines


def _syntax_error(exc, text: str, path: str) -> ConfigError:
    """Where PyYAML stopped, unless it stopped because the file ended: then where the construct it
    was reading began (the unclosed [ or ", not the line after the last)."""
    from .wording import say

    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if mark is not None and not text[mark.index:].strip():
        if start is not None and context:
            what = context.replace("while parsing ", "").replace("while scanning ", "")
            problem = say(f"{what} 到文件末尾仍未闭合（{problem}）", f"{what} not closed by the end of the file ({problem})")
            mark = start
        else:
            mark = _last_character(text, mark)
    where = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return ConfigError(say("YAML 语法错误：", "YAML syntax error: ") + problem, path, *where)


def _last_character(text: str, mark):
    """The position of the file's last non-blank character, as a mark (for an error at its end)."""
    body = text.rstrip()
    if not body:
        return mark
    line = body.count("\n")
    return mark.__class__(mark.name, len(body) - 1, line, len(body) - 1 - (body.rfind("\n") + 1), None, None)


def line_of(lines: dict[tuple, tuple[int, int]], loc: tuple) -> int | None:
    """The line of the deepest recorded prefix of `loc` (a pydantic error location)."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc][0]
        loc = loc[:-1]
    return lines.get((), (None, None))[0]


def _check_size(root, path: str) -> None:
    """Reject documents whose aliases expand to more than MAX_NODES nodes (billion laughs)."""
    import yaml

    sizes: dict[int, int] = {}

    def size(node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # a recursive alias counts once
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(v) for v in node.value)
        else:
            total = 1
        sizes[key] = min(total, MAX_NODES + 1)
        return sizes[key]

    if size(root) > MAX_NODES:
        raise ConfigError(f"YAML 展开后超过 {MAX_NODES} 个节点（别名炸弹？）", path,
                          root.start_mark.line + 1)


def _record_lines(node, prefix: tuple, lines: dict, seen: set) -> None:
    import yaml

    lines.setdefault(prefix, (node.start_mark.line + 1, node.start_mark.column + 1))
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            lines[prefix + (name,)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _record_lines(value, prefix + (name,), lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _record_lines(value, prefix + (i,), lines, seen)
