"""Write the C4 part of an archgen model as a LikeC4 workspace, for the peer comparison in the benchmark:
`python benchmarks/likec4_model.py MODEL_DIR OUT_DIR` writes OUT_DIR/model.c4 with the same people,
systems, containers, components and relationships, and the views archgen draws of them (context, one
container view per internal system with containers, one component view per container with components).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.index import ModelIndex  # noqa: E402
from generator.load.model_loader import load_model  # noqa: E402


def _text(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ") + "'"


def _name(element_id: str) -> str:
    return element_id.replace("-", "_")


def likec4_source(model_dir: Path) -> str:
    model = load_model(model_dir).model
    index = ModelIndex(model)
    fqn: dict[str, str] = {}
    lines = ["specification {", "  element person", "  element system", "  element container", "  element component"]
    lines += ["}", "", "model {"]
    for p in model.people:
        fqn[p.id] = _name(p.id)
        lines.append(f"  {_name(p.id)} = person {_text(p.name)}")
    for s in model.systems:
        fqn[s.id] = _name(s.id)
        containers = index.containers_by_system.get(s.id, [])
        lines.append(f"  {_name(s.id)} = system {_text(s.name)} {{")
        for c in containers:
            fqn[c.id] = f"{_name(s.id)}.{_name(c.id)}"
            components = index.components_by_container.get(c.id, [])
            lines.append(f"    {_name(c.id)} = container {_text(c.name)} {{")
            lines.append(f"      technology {_text(c.technology or c.kind)}")
            for k in components:
                fqn[k.id] = f"{fqn[c.id]}.{_name(k.id)}"
                lines.append(f"      {_name(k.id)} = component {_text(k.name)}")
            lines.append("    }")
        lines.append("  }")
    lines.append("")
    for r in model.relationships:
        lines.append(f"  {fqn[r.source]} -> {fqn[r.destination]} {_text(r.description)}")
    lines += ["}", "", "views {", "  view index {", "    include *", "  }"]
    for s in index.internal_systems:
        if index.containers_by_system.get(s.id):
            lines += [f"  view containers_{_name(s.id)} of {fqn[s.id]} {{", "    include *", "  }"]
    for c in model.containers:
        if index.components_by_container.get(c.id):
            lines += [f"  view components_{_name(c.id)} of {fqn[c.id]} {{", "    include *", "  }"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    model_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    (out / "model.c4").write_text(likec4_source(model_dir))


if __name__ == "__main__":
    main()
