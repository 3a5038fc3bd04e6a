"""Input: bytes to text (encodings, BOM, line ends) and Word .docx files to text."""
