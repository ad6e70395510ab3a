"""The Well-Architected rule catalogue: one rule per module, registered here explicitly (no import side effects)."""

from __future__ import annotations

from importlib import import_module

from generator.rules.base import Rule

MODULES = (
    "cost001_no_budget",
    "cost002_no_billing_alarm",
    "cost003_cost_tags",
    "cost004_x86_where_arm_fits",
    "cost005_on_demand_steady",
    "cost006_nat_gateway",
    "cost007_log_retention",
    "cost008_over_budget",
    "cost009_usage_missing",
    "ops001_no_pipeline",
    "ops002_no_iac",
    "ops003_no_tracing",
    "ops004_no_logs",
    "ops005_owners",
    "ops006_unjustified",
    "perf001_static_without_cdn",
    "perf002_no_load_balancer",
    "perf003_lambda_memory",
    "rel001_single_az_datastore",
    "rel002_backups",
    "rel003_single_task",
    "rel004_compute_single_az",
    "rel005_health_events",
    "rel006_no_alarms",
    "rel007_quota_headroom",
    "sec001_public_datastore",
    "sec002_encryption_at_rest",
    "sec003_no_waf",
    "sec004_secrets_store",
    "sec005_datastore_public_subnet",
    "sec006_plain_http",
    "sec007_certificates",
    "sec008_identity",
    "sus001_storage_lifecycle",
    "sus002_unmanaged_compute",
    "sus003_no_scale_in",
    "sus004_region_choice",
)

RULES: tuple[Rule, ...] = tuple(import_module(f"generator.rules.{name}").RULE for name in MODULES)

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
