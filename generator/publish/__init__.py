"""Outputs: layouts in the background, staging and swapping docs/, diagrams_out/ and site/, build stamps."""
