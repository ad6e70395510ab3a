"""The AWS deployment view: services with their icons, nested in edge / region / VPC / subnets."""

from __future__ import annotations

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.flows import client_people, deployment_flows
from generator.index import ModelIndex, anchor_for
from generator.placement import zones_used
from generator.schema.aws import Service
from generator.views.diagram import (
    EXTERNAL_ICON,
    PERSON_ICON,
    DiagramView,
    ViewCluster,
    ViewEdge,
    ViewNode,
    clusters_for,
    merge_edges,
)

_CATEGORY_LABELS = {
    "compute": "Compute",
    "data": "Data",
    "integration": "Messaging and events",
    "security": "Identity and secrets",
    "observability": "Observability",
    "devtools": "Delivery",
    "governance": "Cost governance",
    "network": "Network",
    "edge": "Edge",
    "generic": "Other",
}
_SUBNET_LABELS = {"public": "Public subnets", "private": "Private subnets", "isolated": "Isolated subnets"}


_AZ_NAMES = "abcdef"


def _service_node(index: ModelIndex, service: Service, cluster: str) -> ViewNode:
    kind = SERVICE_KINDS[service.kind]
    hosted = [c.name for c in index.hosted.get(service.id, [])]
    details = []
    if service.sizing.instance_class:
        details.append(service.sizing.instance_class)
    if service.kind == "ecs_fargate" and service.sizing.vcpu is not None:
        count = service.sizing.desired_count
        details.append(
            f"{count} task{'s' if count != 1 else ''} x {service.sizing.vcpu} vCPU/{service.sizing.memory_gb} GB"
        )
    if kind.redundancy == "multi_az" and service.placement.multi_az:
        details.append("Multi-AZ: standby in AZ b")
    sub = kind.title + (f" ({', '.join(details)})" if details else "")
    desc = "runs: " + ", ".join(hosted) if hosted else service.description
    return ViewNode(
        service.id, service.name, "service", sub, desc, icon=kind.icon, cluster=cluster, anchor=anchor_for(service.id)
    )


def _clusters(index: ModelIndex) -> tuple[list[ViewCluster], dict[str, str]]:
    """Clusters in a fixed order, and the cluster of every service."""
    m = index.model
    clusters = [ViewCluster("aws", "AWS Cloud", "cloud"), ViewCluster("edge", "Global and edge", "group", "aws")]
    where: dict[str, str] = {}
    regions = sorted(
        {index.region_of(s) for s in m.services if SERVICE_KINDS[s.kind].scope == "regional"},
        key=lambda r: (r != m.proposal.regions[0], r),
    )
    for region in regions:
        clusters.append(ViewCluster(f"region_{region}", f"Region {region}", "region", "aws"))
    for s in m.services:
        if SERVICE_KINDS[s.kind].scope == "global":
            where[s.id] = "edge"
    in_vpc: dict[str, list[Service]] = {}  # each VPC's services in model order, gathered once
    for s in m.services:
        if s.placement.vpc:
            in_vpc.setdefault(s.placement.vpc, []).append(s)
    for vpc in index.of_kind("vpc"):
        region_id = f"region_{index.region_of(vpc)}"
        clusters.append(ViewCluster(f"vpc_{vpc.id}", vpc.name, "vpc", region_id))
        where[vpc.id] = f"vpc_{vpc.id}"
        _place_in_vpc(in_vpc.get(vpc.id, []), vpc, clusters, where)
    categories: list[tuple[str, str]] = []
    for s in m.services:
        if s.id in where:
            continue
        region = index.region_of(s)
        cat = SERVICE_KINDS[s.kind].category
        cluster_id = f"group_{region}_{cat}"
        if (region, cat) not in categories:
            categories.append((region, cat))
        where[s.id] = cluster_id
    order = list(_CATEGORY_LABELS)
    for region, cat in sorted(categories, key=lambda rc: (rc[0], order.index(rc[1]))):
        clusters.append(ViewCluster(f"group_{region}_{cat}", _CATEGORY_LABELS[cat], "group", f"region_{region}"))
    return clusters, where


def _place_in_vpc(placed: list[Service], vpc: Service, clusters: list[ViewCluster], where: dict[str, str]) -> None:
    """Subnets inside Availability Zones: a resource in one AZ sits in that AZ's subnet (AZ a); one that
    spans AZs sits in a subnet band that names the AZs it spans."""
    vid = f"vpc_{vpc.id}"
    known = {c.id for c in clusters}

    def add(cluster: ViewCluster) -> None:
        if cluster.id not in known:
            known.add(cluster.id)
            clusters.append(cluster)

    for tier in ("public", "private", "isolated"):
        members = [s for s in placed if s.placement.subnet == tier]
        for s in members:
            zones = zones_used(s)
            if zones >= 2:
                cid = f"subnet_{vpc.id}_{tier}_across{zones}"
                label = f"{_SUBNET_LABELS[tier]} in AZ {', '.join(_AZ_NAMES[:zones])}"
                parent = vid
            else:
                parent = f"az_{vpc.id}_a"
                add(ViewCluster(parent, "Availability Zone a", "az", vid))
                cid, label = f"subnet_{vpc.id}_{tier}_a", _SUBNET_LABELS[tier].removesuffix("s")
            add(ViewCluster(cid, label, "subnet", parent))
            where[s.id] = cid
    for s in placed:
        if s.id not in where:
            where[s.id] = vid


def deployment_view(index: ModelIndex) -> DiagramView:
    m = index.model
    clusters, where = _clusters(index)
    nodes: list[ViewNode] = []
    deployment = deployment_flows(index)
    clients = client_people(index)
    nodes += [
        ViewNode(
            p.id,
            p.name,
            "person",
            "Browser" if p.id in clients else "Person",
            icon=PERSON_ICON,
            anchor=anchor_for(p.id),
        )
        for p in m.people
        if p.id in deployment.people
    ]
    nodes += [_service_node(index, s, where[s.id]) for s in m.services]
    nodes += [
        ViewNode(
            s.id,
            s.name,
            "external",
            "External system",
            icon=EXTERNAL_ICON,
            external=True,
            anchor=anchor_for(s.id),
        )
        for s in m.systems
        if s.id in deployment.externals
    ]
    edges = [ViewEdge(f.source, f.target, f.technology, f.interaction) for f in deployment.flows]
    used = {where[n.id] for n in nodes if n.id in where}
    hints = m.views.deployment
    return DiagramView(
        "deployment",
        f"{m.proposal.name}: AWS deployment",
        "deployment",
        hints.direction or "TB",
        tuple(nodes),
        merge_edges(edges),
        clusters_for(clusters, used),
        same_rank=hints.same_rank,
        description="Where each container runs on AWS, and how requests and data flow between services.",
    )
