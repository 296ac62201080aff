"""Tests of lst_kit.widgets."""
