"""The AWS service kinds a model may use: one source of truth for kinds, icons and usage dimensions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceKind:
    title: str
    category: str  # edge | network | compute | data | integration | observability | security | devtools | governance | generic
    icon: str  # "module.Class" under diagrams.aws
    scope: str = "regional"  # regional | global
    usage: tuple[tuple[str, str], ...] = ()  # (dimension, what it measures per month)
    stateful: bool = False
    public_endpoint: bool = False


def _u(*pairs: str) -> tuple[tuple[str, str], ...]:
    return tuple((pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2))


SERVICE_KINDS: dict[str, ServiceKind] = {
    "cloudfront": ServiceKind("Amazon CloudFront", "edge", "network.CloudFront", "global", _u(
        "data_transfer_out_gb", "GB delivered to viewers per month",
        "https_requests", "HTTPS requests per month"), public_endpoint=True),
    "route53": ServiceKind("Amazon Route 53", "edge", "network.Route53", "global", _u(
        "hosted_zones", "hosted zones", "queries", "standard DNS queries per month")),
    "acm": ServiceKind("AWS Certificate Manager", "security", "security.CertificateManager", "global", _u(
        "public_certificates", "public TLS certificates")),
    "waf": ServiceKind("AWS WAF", "security", "security.WAF", "global", _u(
        "web_acls", "web ACLs", "rules", "rules across the web ACLs", "requests", "requests inspected per month")),
    "s3": ServiceKind("Amazon S3", "data", "storage.SimpleStorageServiceS3", "regional", _u(
        "storage_gb", "average GB stored in the month", "put_requests", "PUT/COPY/POST/LIST requests per month",
        "get_requests", "GET/SELECT requests per month", "data_transfer_out_gb", "GB sent to the internet per month"),
        stateful=True),
    "alb": ServiceKind("Elastic Load Balancing (ALB)", "network", "network.ElbApplicationLoadBalancer", "regional", _u(
        "hours", "load balancer hours per month", "lcus", "average Load Balancer Capacity Units per hour"),
        public_endpoint=True),
    "ecs_fargate": ServiceKind("Amazon ECS on AWS Fargate", "compute", "compute.Fargate", "regional", _u(
        "hours", "hours each task runs per month", "ephemeral_storage_gb", "ephemeral storage per task above the free 20 GB")),
    "ecr": ServiceKind("Amazon ECR", "devtools", "compute.EC2ContainerRegistry", "regional", _u(
        "storage_gb", "GB of images stored", "data_transfer_out_gb", "GB pulled to the internet per month")),
    "lambda": ServiceKind("AWS Lambda", "compute", "compute.Lambda", "regional", _u(
        "requests", "invocations per month", "average_duration_ms", "average duration of one invocation in ms")),
    "api_gateway": ServiceKind("Amazon API Gateway", "network", "network.APIGateway", "regional", _u(
        "requests", "API calls per month"), public_endpoint=True),
    "rds": ServiceKind("Amazon RDS", "data", "database.RDSPostgresqlInstance", "regional", _u(
        "hours", "instance hours per month", "backup_storage_gb", "backup storage beyond the free amount"),
        stateful=True),
    "aurora_serverless": ServiceKind("Amazon Aurora Serverless v2", "data", "database.Aurora", "regional", _u(
        "acu_hours", "Aurora Capacity Unit hours per month", "storage_gb", "GB stored",
        "io_requests", "I/O requests per month"), stateful=True),
    "dynamodb": ServiceKind("Amazon DynamoDB", "data", "database.Dynamodb", "regional", _u(
        "write_request_units", "on-demand write request units per month",
        "read_request_units", "on-demand read request units per month",
        "storage_gb", "GB stored", "stream_read_requests", "DynamoDB Streams read request units per month"),
        stateful=True),
    "elasticache": ServiceKind("Amazon ElastiCache", "data", "database.ElastiCache", "regional", _u(
        "hours", "node hours per month"), stateful=True),
    "cognito": ServiceKind("Amazon Cognito", "security", "security.Cognito", "regional", _u(
        "monthly_active_users", "monthly active users")),
    "sns": ServiceKind("Amazon SNS", "integration", "integration.SimpleNotificationServiceSns", "regional", _u(
        "requests", "publish requests per month", "email_deliveries", "email notifications per month",
        "mobile_push_deliveries", "mobile push notifications per month")),
    "sqs": ServiceKind("Amazon SQS", "integration", "integration.SimpleQueueServiceSqs", "regional", _u(
        "requests", "API requests per month (64 KB chunks)")),
    "eventbridge": ServiceKind("Amazon EventBridge", "integration", "integration.Eventbridge", "regional", _u(
        "custom_events", "custom events published per month")),
    "cloudwatch": ServiceKind("Amazon CloudWatch", "observability", "management.Cloudwatch", "regional", _u(
        "custom_metrics", "custom metrics", "alarms", "standard-resolution alarm metrics",
        "logs_ingested_gb", "GB of logs ingested per month", "logs_stored_gb", "GB of logs archived",
        "dashboards", "custom dashboards")),
    "xray": ServiceKind("AWS X-Ray", "observability", "devtools.XRay", "regional", _u(
        "traces_recorded", "traces recorded per month", "traces_retrieved", "traces retrieved or scanned per month")),
    "ssm_parameter_store": ServiceKind("AWS Systems Manager Parameter Store", "security",
        "management.SystemsManagerParameterStore", "regional", _u(
        "standard_parameters", "standard parameters", "advanced_parameters", "advanced parameters",
        "api_interactions", "API interactions per month (standard throughput is free)")),
    "secrets_manager": ServiceKind("AWS Secrets Manager", "security", "security.SecretsManager", "regional", _u(
        "secrets", "secrets stored", "api_calls", "API calls per month")),
    "vpc": ServiceKind("Amazon VPC", "network", "network.VPC", "regional", _u(
        "public_ipv4_addresses", "public IPv4 addresses in use all month")),
    "nat_gateway": ServiceKind("NAT Gateway", "network", "network.NATGateway", "regional", _u(
        "hours", "NAT gateway hours per month", "processed_gb", "GB processed per month")),
    "codepipeline": ServiceKind("AWS CodePipeline", "devtools", "devtools.Codepipeline", "regional", _u(
        "active_pipelines", "active V1 pipelines per month")),
    "codebuild": ServiceKind("AWS CodeBuild", "devtools", "devtools.Codebuild", "regional", _u(
        "build_minutes", "build minutes per month")),
    "cloudformation": ServiceKind("AWS CloudFormation", "devtools", "management.Cloudformation", "regional", _u(
        "handler_operations", "third-party resource handler operations per month")),
    "budgets": ServiceKind("AWS Budgets", "governance", "cost.Budgets", "global", _u(
        "budgets", "budgets")),
    "iam": ServiceKind("AWS IAM", "security", "security.IAM", "global"),
    "ec2": ServiceKind("Amazon EC2", "compute", "compute.EC2", "regional", _u(
        "hours", "instance hours per month")),
    "generic": ServiceKind("Other AWS service", "generic", "general.General", "regional", _u(
        "fixed_monthly_usd", "a fixed monthly cost in USD, stated in the model")),
}

FALLBACK_ICON = "general.General"


def usage_dimensions(kind: str) -> dict[str, str]:
    return dict(SERVICE_KINDS[kind].usage) if kind in SERVICE_KINDS else {}
