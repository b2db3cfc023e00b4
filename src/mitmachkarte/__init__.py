"""Mitmachkarte: citizen sustainability initiatives and their municipalities."""
