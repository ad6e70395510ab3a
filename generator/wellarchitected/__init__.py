"""The Well-Architected review: the framework catalogue, answers, question risk, availability, quotas."""
