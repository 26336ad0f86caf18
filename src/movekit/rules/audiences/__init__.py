"""Rules for the method's part: audiences."""
