"""The reference pass: every id a model mentions must exist, be of the right kind, and not loop."""

from __future__ import annotations

from generator.catalogue.prices import default_catalogue
from generator.catalogue.service_kinds import SERVICE_KINDS, usage_dimensions
from generator.diagnostics import Diagnostic, Location
from generator.index import ModelIndex, anchor_for
from generator.load.answer_references import check_answers
from generator.load.region_check import region_diagnostics
from generator.load.view_hints import check_view_hints
from generator.parse.sourcemap import SourceMap
from generator.parse.suggest import did_you_mean
from generator.schema import Model


class _Checker:
    def __init__(self, model: Model, source_map: SourceMap, fallback: Location) -> None:
        self.model = model
        self.index = ModelIndex(model)
        self.map = source_map
        self.fallback = fallback
        self.out: list[Diagnostic] = []

    def at(self, *path) -> Location:
        return self.map.nearest(path) or self.fallback

    def report(self, path: tuple, code: str, message: str, hint: str = "", severity: str = "error") -> None:
        self.out.append(Diagnostic(self.at(*path), code, message, hint, severity))

    def expect(self, path: tuple, ref: str | None, pool, what: str) -> bool:
        if ref is None or ref in pool:
            return True
        hint = did_you_mean(ref, pool) or f"define a {what} with id {ref!r} or fix the reference"
        self.report(path, "R201", f"unknown {what} {ref!r}", hint)
        return False

    def run(self) -> list[Diagnostic]:
        self.unique_ids()
        self.c4()
        self.services()
        self.decisions()
        self.cost()
        self.pipeline()
        check_answers(self)
        check_view_hints(self)
        return self.out

    def unique_ids(self) -> None:
        seen: dict[str, tuple] = {}
        anchors: dict[str, tuple] = {}
        for section in ("people", "systems", "containers", "components", "services", "decisions"):
            for i, item in enumerate(getattr(self.model, section)):
                path = (section, i, "id")
                if item.id in seen:
                    first = self.at(*seen[item.id])
                    self.report(
                        path,
                        "R202",
                        f"duplicate id {item.id!r}: already used at {first.file}:{first.line}:{first.column}",
                        "ids must be unique across the model",
                    )
                    continue
                seen[item.id] = path
                anchor = anchor_for(item.id)
                if anchor in anchors:
                    first_path = anchors[anchor]
                    first = self.at(*first_path)
                    other = getattr(self.model, first_path[0])[first_path[1]].id
                    self.report(
                        path,
                        "R212",
                        f"ids {other!r} and {item.id!r} differ only in '-' and '_', so they would share one link "
                        f"anchor on the site (first at {first.file}:{first.line}:{first.column})",
                        "rename one of them",
                    )
                else:
                    anchors[anchor] = path

    def c4(self) -> None:
        systems = {s.id: s for s in self.model.systems}
        for i, c in enumerate(self.model.containers):
            if (
                self.expect(("containers", i, "system"), c.system, systems, "software system")
                and systems[c.system].external
            ):
                self.report(
                    ("containers", i, "system"),
                    "R208",
                    f"container {c.id!r} belongs to external system {c.system!r}",
                    "containers describe systems you build; move it to an internal system",
                )
            hosted = self.expect(("containers", i, "hosted_on"), c.hosted_on, self.index.services, "service")
            if hosted and c.hosted_on is not None:
                host = self.index.services[c.hosted_on]
                kind = SERVICE_KINDS[host.kind]
                if not kind.hosts:
                    able = sorted(k for k, v in SERVICE_KINDS.items() if v.hosts and "compute" in v.roles)
                    self.report(
                        ("containers", i, "hosted_on"),
                        "R211",
                        f"container {c.id!r} is hosted on {c.hosted_on!r}, a {kind.title} service, which cannot run "
                        "or hold a container",
                        f"host it on a service that runs or stores it ({', '.join(able)}, or a data store)",
                    )
        containers = {c.id for c in self.model.containers}
        for i, comp in enumerate(self.model.components):
            self.expect(("components", i, "container"), comp.container, containers, "container")
        elements = self.index.elements
        for i, r in enumerate(self.model.relationships):
            for end, ref in (("from", r.source), ("to", r.destination)):
                if ref in self.index.services and ref not in elements:
                    self.report(
                        ("relationships", i, end),
                        "R201",
                        f"{ref!r} is an AWS service, not a C4 element",
                        "relate the container it hosts; the deployment view derives the service flows",
                    )
                else:
                    self.expect(("relationships", i, end), ref, elements, "element")
            if r.source == r.destination:
                self.report(
                    ("relationships", i, "to"),
                    "R204",
                    f"relationship from {r.source!r} to itself",
                    "remove it or point it at another element",
                )

    def services(self) -> None:
        for i, s in enumerate(self.model.services):
            self._usage_keys(i, s)
            for j, ref in enumerate(s.fronts):
                self.expect(("services", i, "fronts", j), ref, self.index.services, "service")
                if ref == s.id:
                    self.report(
                        ("services", i, "fronts", j),
                        "R204",
                        f"service {s.id!r} fronts itself",
                        "list the services behind this one",
                    )
            for j, ref in enumerate(s.monitors):
                self.expect(("services", i, "monitors", j), ref, self.index.services, "service")
            if s.safeguards.on_failure is not None:
                self.expect(
                    ("services", i, "safeguards", "on_failure"), s.safeguards.on_failure, self.index.services, "service"
                )
            if s.placement.vpc is not None:
                vpcs = {v.id for v in self.index.of_kind("vpc")}
                self.expect(("services", i, "placement", "vpc"), s.placement.vpc, vpcs, "vpc service")
            if s.justification is not None:
                self.expect(
                    ("services", i, "justification", "decision"),
                    s.justification.decision,
                    self.index.decisions,
                    "decision",
                )
            elif s.id not in self.index.hosted:
                self.report(
                    ("services", i),
                    "R205",
                    f"service {s.id!r} hosts no container and has no justification",
                    "add `justification:` (requirement, why, alternatives) or host a container on it",
                )
            if (
                s.sizing.min_count is not None
                and s.sizing.max_count is not None
                and s.sizing.min_count > s.sizing.max_count
            ):
                self.report(
                    ("services", i, "sizing", "min_count"),
                    "R209",
                    f"min_count {s.sizing.min_count} is above max_count {s.sizing.max_count}",
                    "swap them",
                )

    def _usage_keys(self, i: int, s) -> None:
        dims = usage_dimensions(s.kind)
        for key in s.usage:
            if key in dims:
                continue
            takes = (
                f"{SERVICE_KINDS[s.kind].title} takes: {', '.join(dims)}"
                if dims
                else f"{SERVICE_KINDS[s.kind].title} takes no usage"
            )
            close = did_you_mean(key, dims, cutoff=0.85)  # a shared suffix (_deliveries) is no match
            hint = f"{close} {takes} (see the Service kinds page)" if close else f"{takes} (see the Service kinds page)"
            self.report(
                ("services", i, "usage", key), "R206", f"unknown usage dimension {key!r} for a {s.kind} service", hint
            )

    def decisions(self) -> None:
        by_id = self.index.decisions
        for i, d in enumerate(self.model.decisions):
            if not self.expect(("decisions", i, "supersedes"), d.supersedes, by_id, "decision"):
                continue
            seen = [d.id]
            current = d
            while current.supersedes and current.supersedes in by_id:
                if current.supersedes in seen:
                    chain = " -> ".join(seen + [current.supersedes])
                    self.report(
                        ("decisions", i, "supersedes"),
                        "R204",
                        f"decisions supersede each other in a cycle: {chain}",
                        "a decision can only supersede an older one",
                    )
                    break
                seen.append(current.supersedes)
                current = by_id[current.supersedes]

    def cost(self) -> None:
        seen: set[str] = set()
        for i, sc in enumerate(self.model.cost.scenarios):
            if sc.id in seen:
                self.report(("cost", "scenarios", i, "id"), "R202", f"duplicate scenario id {sc.id!r}")
            seen.add(sc.id)
            for field in ("service_multipliers", "overrides", "sizing_overrides"):
                for sid in getattr(sc, field):
                    self.expect(("cost", "scenarios", i, field, sid), sid, self.index.services, "service")
            for sid, values in sc.overrides.items():
                service = self.index.services.get(sid)
                if service is None:
                    continue
                dims = usage_dimensions(service.kind)
                for key in values:
                    if key not in dims:
                        self.report(
                            ("cost", "scenarios", i, "overrides", sid, key),
                            "R206",
                            f"unknown usage dimension {key!r} for a {service.kind} service",
                            did_you_mean(key, dims) or f"use one of: {', '.join(dims)}",
                        )
            for sid, values in sc.sizing_overrides.items():
                for key in values:
                    if key not in ("desired_count", "vcpu", "memory_gb", "storage_gb", "memory_mb"):
                        self.report(
                            ("cost", "scenarios", i, "sizing_overrides", sid, key),
                            "R206",
                            f"sizing override {key!r} is not supported",
                            "use desired_count, vcpu, memory_gb, memory_mb or storage_gb",
                        )

    def pipeline(self) -> None:
        if self.model.pipeline is None:
            return
        systems = {s.id for s in self.model.systems}
        containers = {c.id for c in self.model.containers}
        for i, stage in enumerate(self.model.pipeline.stages):
            for j, ref in enumerate(stage.services):
                self.expect(("pipeline", "stages", i, "services", j), ref, self.index.services, "service")
            for j, ref in enumerate(stage.systems):
                self.expect(("pipeline", "stages", i, "systems", j), ref, systems, "software system")
            for j, ref in enumerate(stage.deploys):
                self.expect(("pipeline", "stages", i, "deploys", j), ref, containers, "container")


def check_references(model: Model, source_map: SourceMap, fallback: Location) -> list[Diagnostic]:
    """Every reference resolves, ids are unique, and every regional service is in a priced region."""
    return _Checker(model, source_map, fallback).run() + region_diagnostics(
        model, source_map, default_catalogue(), fallback
    )
