"""Tests of ``teletravail.workforce``."""
