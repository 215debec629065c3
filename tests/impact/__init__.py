"""Tests of ``teletravail.impact``."""
