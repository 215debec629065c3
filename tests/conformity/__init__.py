"""Tests of ``teletravail.conformity``."""
