"""The accreditation office's tools: it holds the signing key and writes the confirmation printouts."""
