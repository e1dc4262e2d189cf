"""Tests for the Cramp Guard integration."""
