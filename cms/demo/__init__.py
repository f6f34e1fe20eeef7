"""Demo data: the factories that build the demo content (seed_demo) and the tests' data."""
