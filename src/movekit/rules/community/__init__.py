"""Rules for the method's part: community."""
