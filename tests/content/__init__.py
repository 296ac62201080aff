"""Tests of lst_kit.content."""
