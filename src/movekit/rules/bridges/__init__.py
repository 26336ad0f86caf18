"""Rules for the method's part: bridges."""
