"""AWS services: kind, placement, sizing, usage, pricing choice and the justification for each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.catalogue.service_kinds import SERVICE_KINDS
from generator.values import Id, IsoDate, Name, Quantity, Strict, Text

ServiceKindName = Literal[tuple(sorted(SERVICE_KINDS))]  # type: ignore[valid-type]
Pillar = Literal[
    "operational_excellence", "security", "reliability", "performance_efficiency", "cost_optimization", "sustainability"
]


class Placement(Strict):
    vpc: Id | None = None
    """Id of the `vpc` service this resource lives in; omit for managed or edge services."""
    subnet: Literal["public", "private", "isolated"] | None = None
    """Subnet tier inside the VPC."""
    multi_az: bool = False
    """Runs in (or fails over across) more than one Availability Zone."""
    az_count: int = Field(default=1, ge=1, le=6)
    """How many Availability Zones it spans."""
    publicly_accessible: bool = False
    """Reachable directly from the internet (a public endpoint, a public bucket, a public database)."""


class Sizing(Strict):
    instance_class: Name | None = None
    """Instance class or node type, e.g. `db.t4g.micro`, `cache.t4g.micro`, `general1.small`."""
    vcpu: Quantity | None = None
    """vCPUs per task or instance (Fargate: 0.25 to 16)."""
    memory_gb: Quantity | None = None
    """Memory per task or instance, in GB."""
    memory_mb: int | None = Field(default=None, ge=128, le=10240)
    """Lambda memory in MB (128 to 10,240)."""
    desired_count: int = Field(default=1, ge=0, le=10_000)
    """Tasks, instances, nodes or gateways running normally."""
    min_count: int | None = Field(default=None, ge=0, le=10_000)
    """Auto scaling minimum."""
    max_count: int | None = Field(default=None, ge=0, le=10_000)
    """Auto scaling maximum; leave unset when it does not scale."""
    storage_gb: Quantity | None = None
    """Provisioned storage in GB (RDS volume, ElastiCache has none)."""
    storage_class: Literal["standard", "intelligent_tiering", "standard_ia", "glacier_instant"] | None = None
    """S3 storage class of most of the data."""
    architecture: Literal["x86_64", "arm64"] = "x86_64"
    """CPU architecture; arm64 means AWS Graviton."""
    api_type: Literal["rest", "http", "websocket"] | None = None
    """API Gateway API type."""
    engine: Name | None = None
    """Database or cache engine, e.g. `postgres`, `redis`."""
    backup_retention_days: int | None = Field(default=None, ge=0, le=35)
    """Automated backup retention (RDS: 0 disables backups)."""
    point_in_time_recovery: bool | None = None
    """DynamoDB point-in-time recovery."""
    encrypted_at_rest: bool | None = None
    """Encryption at rest is enabled."""
    versioning: bool | None = None
    """S3 object versioning."""
    lifecycle_rules: bool | None = None
    """S3 lifecycle or Intelligent-Tiering rules move cold data to cheaper storage."""
    log_retention_days: int | None = Field(default=None, ge=0, le=3653)
    """CloudWatch Logs retention; 0 means never expire."""


class Safeguards(Strict):
    """Protections switched on for this service: what the security and reliability rules read."""

    deletion_protection: bool | None = None
    """Deletion protection is on (RDS, Aurora, DynamoDB)."""
    restore_tested: IsoDate | None = None
    """The last date a restore from this service's backups was tested (YYYY-MM-DD)."""
    reproducible: bool = False
    """The data can be rebuilt from other sources, so losing it loses nothing (caches, derived images)."""
    mfa: Literal["off", "optional", "required"] | None = None
    """Cognito user pool multi-factor authentication."""
    threat_protection: bool | None = None
    """Cognito threat protection (compromised-credential checks, adaptive authentication) is on."""
    rotation_days: int | None = Field(default=None, ge=0, le=365)
    """Secrets Manager rotates the secrets automatically every this many days (0: never rotated)."""
    on_failure: Id | None = None
    """Where events this consumer fails to process go: the id of an SQS dead-letter queue or other destination."""
    public_ip: bool | None = None
    """Tasks or instances get a public IP address."""


class Pricing(Strict):
    model: Literal["on_demand", "reserved", "savings_plan", "spot"] = "on_demand"
    """How the capacity is bought."""
    term_years: Literal[1, 3] | None = None
    """Commitment term for reserved capacity or Savings Plans."""
    payment: Literal["no_upfront", "partial_upfront", "all_upfront"] | None = None
    """Payment option of the commitment."""


class Alternative(Strict):
    option: Name
    """The alternative that was weighed, e.g. "Amazon EC2 with Docker"."""
    why_not: Text
    """Why it was not chosen (now)."""


class Justification(Strict):
    requirement: Text
    """The requirement this service serves."""
    why: Text
    """Why this service was chosen for it."""
    alternatives: tuple[Alternative, ...] = ()
    """Alternatives weighed, each with why not."""
    decision: Id | None = None
    """Id of the decision record behind the choice."""


class Service(Strict):
    id: Id
    """Unique id used by containers (`hosted_on`), placements and the pipeline."""
    kind: ServiceKindName
    """Which AWS service this is (see the service catalogue)."""
    name: Name
    """Display name, e.g. "Cruddur API cluster"."""
    region: Name | None = None
    """Region; defaults to the proposal's primary region (global services ignore it)."""
    description: Text = ""
    """What it does in this architecture."""
    placement: Placement = Placement()
    """Where it runs."""
    sizing: Sizing = Sizing()
    """How big it is."""
    usage: dict[str, Quantity] = {}
    """Monthly quantities AWS bills by, keyed by the kind's usage dimensions (launch scenario)."""
    fronts: tuple[Id, ...] = ()
    """Services this one sits in front of: Route 53 -> CloudFront, CloudFront -> S3, ALB -> ECS."""
    pricing: Pricing = Pricing()
    """Pricing model chosen."""
    tags: dict[str, Name] = {}
    """Cost-allocation and ownership tags."""
    safeguards: Safeguards = Safeguards()
    """Protections switched on (deletion protection, MFA, rotation, dead-letter queues, tested restores)."""
    role: Name | None = None
    """The IAM role this compute runs as; each compute service gets its own, with only what it needs."""
    monitors: tuple[Id, ...] = ()
    """Services whose health this one's alarms or checks watch (CloudWatch alarms, Route 53 health checks)."""
    justification: Justification | None = None
    """Why it is here: required for every service that hosts no container."""
    pillars: tuple[Pillar, ...] = ()
    """Well-Architected pillars this service mainly serves."""
