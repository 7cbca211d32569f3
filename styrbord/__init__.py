"""Styrbord: governance platform for a municipality's digitalisation organisation."""
