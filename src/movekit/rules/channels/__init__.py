"""Rules for the method's part: channels."""
