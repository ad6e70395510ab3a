"""The MkDocs Material site: pages generated from the model, the review and the estimate."""
