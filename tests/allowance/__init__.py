"""Tests of ``teletravail.allowance``."""
