"""The review loop: recording results and reviews, and where the campaign stands."""
