"""Tests of ``teletravail.scheduling``."""
