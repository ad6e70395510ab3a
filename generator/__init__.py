"""archgen: architecture as code for AWS proposals (C4 + Well-Architected)."""

__version__ = "0.1.0"
