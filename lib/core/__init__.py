"""What every stage shares: character classes and sentence splitting (`chars`), the report and paragraph
types (`model`), reading rule files by their content (`rulefiles`), atomic writes (`storage`), errors
(`errors`) and making outside text safe to show (`safety`)."""
