"""Tests of ``teletravail.policy``."""
