"""Rules for the method's part: strategy."""
