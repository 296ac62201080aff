"""Tests of the shipped notebooks (structure; nbval runs them)."""
