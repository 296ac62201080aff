"""Tests of lst_kit.reports."""
