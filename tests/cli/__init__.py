"""Tests of lst_kit.cli."""
