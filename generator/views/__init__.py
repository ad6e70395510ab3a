"""Computed views: pure functions from the validated model to what each diagram or table shows."""
