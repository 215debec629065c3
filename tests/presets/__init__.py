"""Tests of ``teletravail.presets``."""
