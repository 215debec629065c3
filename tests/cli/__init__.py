"""Tests of ``teletravail.cli``."""
