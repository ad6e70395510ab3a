"""Cost: the offline price catalogue, usage quantities per service, free tier, pricing models, scenarios."""
