"""Rules for the method's part: iterate."""
