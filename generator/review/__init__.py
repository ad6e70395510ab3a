"""The Well-Architected review of one model: rules run into findings, question risk, availability, quotas."""
