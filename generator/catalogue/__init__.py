"""Static catalogues shipped with archgen: service kinds, prices, Well-Architected questions, SLAs, quotas."""
