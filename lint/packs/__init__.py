"""Rule packs: the YAML files that declare rules, validated against the kinds they name."""
