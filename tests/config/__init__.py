"""Tests of ``teletravail.config``."""
