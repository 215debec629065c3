"""Tests of ``teletravail.eligibility``."""
