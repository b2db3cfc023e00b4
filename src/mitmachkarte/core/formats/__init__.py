"""Date formats per language (FORMAT_MODULE_PATH); German uses Django's own."""
