"""Tests of ``teletravail.documents``."""
