"""Tests whose subject spans the packages: the whole model, the structure of the source,
the benchmark scripts, hostile input and the French of every layer."""
