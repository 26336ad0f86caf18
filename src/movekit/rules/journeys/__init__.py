"""Rules for the method's part: journeys."""
