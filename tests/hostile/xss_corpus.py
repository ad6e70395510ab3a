"""Payloads that try to become markup or script in the site, one alert number each, and the model's text fields."""

from __future__ import annotations

import typing
from pathlib import Path

import yaml
from pydantic import BaseModel

from generator import values
from generator.schema import Model
from generator.schema.option import OptionInfo

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><script>alert(2)</script>',
    "</title><script>alert(3)</script>",
    "<img src=x onerror=alert(4)>",
    "<svg onload=alert(5)>",
    'text {: autofocus onfocus="alert(6)" }',
    '{: onmouseover="alert(7)" }',
    "[click](javascript:alert(8))",
    "![img](javascript:alert(9))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)",
    '<a href="javascript:alert(11)">x</a>',
    "javascript:alert(12)",
    '<iframe src="javascript:alert(13)"></iframe>',
    "<details open ontoggle=alert(14)>",
    "'><img src=x onerror=alert(15)>",
    "`<script>alert(16)</script>`",
    "{{ 7*7 }} {% raw %} {# x #}",
    '!!! note "x" onclick="alert(17)"',
    '??? danger "<script>alert(18)</script>"',
    '<div markdown="1">{: onclick=alert(19)}</div>',
    "[x]: javascript:alert(20)",
    '<https://x" onmouseover="alert(21)>',
    "<javascript:alert(22)>",
    "&lt;script&gt;alert(23)&lt;/script&gt;",
    "\\<script>alert(24)</script>",
    "*<img src=x onerror=alert(25)>*",
    "| <script>alert(26)</script> |",
    "</textarea><script>alert(27)</script>",
    '<style>body{background:url("javascript:alert(28)")}</style>',
    '<object data="javascript:alert(29)"></object>',
    "<a href=x onclick=alert(30)>x</a>",
    '" onfocus="alert(31)" autofocus="',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(32)>",
    "# heading {#x onclick=alert(33)}",
    "[![a](x)](javascript:alert(34))",
    "ends with a backslash \\",
)

# Name-typed fields whose values have a meaning archgen checks (regions, instance classes, dates):
# payloads there are rejected by validation, which is right; they carry no free text.
CONSTRAINED = {"region", "regions", "instance_class", "date", "revisit", "storage_class"}


def _text_kind(annotation) -> str | None:
    """'one' for a text field, 'many' for a tuple of text, None otherwise."""
    metadata = getattr(annotation, "__metadata__", ())
    if any(getattr(m, "func", None) is values._as_text for m in metadata):
        checked = (values._check_id, values._check_date, values._check_email)
        if not any(getattr(m, "func", None) in checked for m in metadata):
            return "one"
    if typing.get_origin(annotation) is tuple:
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        if args and _text_kind(args[0]) == "one":
            return "many"
    return None


def _submodels(annotation) -> list[type[BaseModel]]:
    found = []
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            found.append(arg)
        elif typing.get_args(arg):
            found += _submodels(arg)
    return found


def _fields(cls: type[BaseModel]) -> dict[str, tuple[str, object, bool]]:
    """alias -> (name, annotation, whether a pattern constrains it)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    out = {}
    for name, info in cls.model_fields.items():
        patterned = any(getattr(m, "pattern", None) for m in info.metadata)
        out[info.alias or name] = (name, hints.get(name, info.annotation), patterned)
    return out


def inject(data, cls: type[BaseModel], payloads: list[str], counter: list[int]) -> None:
    """Replace every free-text value in `data` (shaped like `cls`) with the next payload, in place."""
    if not isinstance(data, dict):
        return
    fields = _fields(cls)
    for key, value in list(data.items()):
        if key not in fields:
            continue
        name, annotation, patterned = fields[key]
        inner = annotation
        for arg in typing.get_args(annotation):
            if arg is not type(None) and _text_kind(arg):
                inner = arg
        kind = _text_kind(inner)
        if kind and (name in CONSTRAINED or patterned):
            continue
        if kind:
            if kind == "one" and isinstance(value, str):
                data[key] = payloads[counter[0] % len(payloads)]
                counter[0] += 1
            elif kind == "many" and isinstance(value, list):
                data[key] = [payloads[(counter[0] + i) % len(payloads)] for i in range(len(value))]
                counter[0] += len(value)
            continue
        for sub in _submodels(annotation):
            if isinstance(value, list):
                for item in value:
                    inject(item, sub, payloads, counter)
            elif isinstance(value, dict):
                inject(value, sub, payloads, counter)


def poison_model(model_dir: Path) -> int:
    """Rewrite every model and option file with payloads in its text fields; the number of fields poisoned."""
    counter = [0]
    for path in sorted(model_dir.glob("*.yaml")) + sorted(model_dir.glob("options/*.yaml")):
        data = yaml.safe_load(path.read_text())
        inject(data, Model, list(PAYLOADS), counter)
        if isinstance(data.get("option"), dict):
            inject(data["option"], OptionInfo, list(PAYLOADS), counter)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return counter[0]
