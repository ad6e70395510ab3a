"""Semantic diff of two model versions: elements, relationships, services, cost, risk, decisions."""
