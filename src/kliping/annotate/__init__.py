"""Article → Article annotators: pure functions, no I/O."""
