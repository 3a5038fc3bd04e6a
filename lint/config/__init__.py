"""Configuration: .reportlint.yaml and [tool.reportlint], found, validated and resolved into the rules that apply to a file."""
