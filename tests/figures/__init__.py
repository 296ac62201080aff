"""Tests of lst_kit.figures."""
