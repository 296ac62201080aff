"""Tests of the exercise types, one folder per type (tests/exercises/<type>/)."""
