"""Write a deterministic synthetic model of about N elements (people, systems, containers, components,
services) for the benchmarks: `python benchmarks/generate.py 200 OUT_DIR`."""

from __future__ import annotations

import random
import sys
from pathlib import Path

KINDS = [  # (service kind, container kind, usage, sizing)
    ("lambda", "function", "{requests: 100000, average_duration_ms: 120}", "{memory_mb: 256, architecture: arm64}"),
    (
        "ecs_fargate",
        "api",
        "{hours: 730}",
        "{vcpu: 0.5, memory_gb: 1, desired_count: 2, max_count: 4, architecture: arm64}",
    ),
    (
        "dynamodb",
        "datastore",
        "{write_request_units: 100000, read_request_units: 500000, storage_gb: 1}",
        "{encrypted_at_rest: true}",
    ),
    ("s3", "bucket", "{storage_gb: 10, put_requests: 1000, get_requests: 10000}", "{storage_class: standard}"),
    ("sqs", "queue", "{requests: 100000}", "{}"),
    ("rds", "database", "{hours: 730}", "{instance_class: db.t4g.micro, storage_gb: 20, backup_retention_days: 7}"),
]


def synthetic_model(size: int) -> dict[str, str]:
    """A landscape shaped like a real one: internal systems (one per 200 elements), each with its own
    VPC and teams of about eight containers, most calls inside a system, one in ten across systems."""
    rng = random.Random(size)
    containers = max(size // 3, 2)
    components = max(size // 4, 1)
    externals = max(size // 40, 1)
    people = max(size // 50, 1)
    systems = max(size // 200, 1)
    files: dict[str, str] = {}
    head = "# yaml-language-server: $schema=archgen.schema.json\n"
    lines = [
        head,
        "proposal:",
        f"  name: Synthetic {size}",
        "  summary: A generated model for benchmarks.",
        "  audience: benchmarks",
        "people:",
    ]
    lines += [f"  - {{id: person{i}, name: Person {i}}}" for i in range(people)]
    lines.append("systems:")
    lines += [f"  - {{id: {_system(k)}, name: Domain {k}}}" for k in range(systems)]
    lines += [f"  - {{id: ext{i}, name: External {i}, external: true}}" for i in range(externals)]
    files["proposal.yaml"] = "\n".join(lines) + "\n"

    system_of = [i * systems // containers for i in range(containers)]
    members: dict[int, list[int]] = {}
    for i, k in enumerate(system_of):
        members.setdefault(k, []).append(i)
    team_of = {c: n // 8 for k in members for n, c in enumerate(members[k])}
    lines = [head, "containers:"]
    kinds = []
    for i in range(containers):
        kind = KINDS[i % len(KINDS)]
        kinds.append(kind)
        team = team_of[i]
        lines.append(
            f"  - {{id: c{i}, name: Container {i}, system: {_system(system_of[i])}, kind: {kind[1]}, "
            f"technology: Tech {i % 7}, group: Team {system_of[i]}.{team}, hosted_on: s{i}}}"
        )
    lines.append("components:")
    apis = [i for i, k in enumerate(kinds) if k[1] == "api"] or [0]
    for j in range(components):
        lines.append(f"  - {{id: k{j}, name: Component {j}, container: c{apis[j % len(apis)]}, technology: Module}}")
    lines.append("relationships:")
    for i in range(people):
        lines.append(f"  - {{from: person{i}, to: c{i % containers}, description: uses, technology: HTTPS}}")
    for i in range(1, containers):
        # seven calls in ten stay in the team, two in the system, one goes anywhere
        same = [c for c in members[system_of[i]] if c < i]
        team = [c for c in same if team_of[c] == team_of[i]]
        roll = rng.random()
        pool = team if team and roll < 0.7 else same if same and roll < 0.9 else list(range(i))
        target = rng.choice(pool)
        lines.append(
            f"  - {{from: c{i}, to: c{target}, description: calls {target}, technology: HTTPS, "
            f"interaction: {'async' if i % 5 == 0 else 'sync'}}}"
        )
    for j in range(1, components):
        # components mostly use another in their own container (every len(apis)-th one shares it)
        local = j - len(apis) * rng.randint(1, 3)
        target = local if local >= 0 and rng.random() < 0.9 else rng.randrange(0, j)
        lines.append(f"  - {{from: k{j}, to: k{target}, description: uses}}")
    for i in range(externals):
        lines.append(
            f"  - {{from: c{rng.randrange(containers)}, to: ext{i}, description: sends data, technology: HTTPS}}"
        )
    files["containers.yaml"] = "\n".join(lines) + "\n"

    lines = [head, "services:"]
    for k in range(systems):
        lines.append(
            f"  - {{id: vpc{k}, kind: vpc, name: VPC {k}, placement: {{az_count: 2}}, "
            "justification: {requirement: isolation, why: needed}}"
        )
    for i, kind in enumerate(kinds):
        placement = (
            f"{{vpc: vpc{system_of[i]}, subnet: private, multi_az: true, az_count: 2}}"
            if kind[0] in ("ecs_fargate", "rds")
            else "{}"
        )
        lines.append(
            f"  - {{id: s{i}, kind: {kind[0]}, name: Service {i}, usage: {kind[2]}, sizing: {kind[3]}, "
            f"placement: {placement}, tags: {{app: synthetic}}}}"
        )
    files["services.yaml"] = "\n".join(lines) + "\n"
    return files


def _system(k: int) -> str:
    return "core" if k == 0 else f"domain{k}"


def main() -> None:
    size, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name, text in synthetic_model(size).items():
        (out / name).write_text(text)


if __name__ == "__main__":
    main()
