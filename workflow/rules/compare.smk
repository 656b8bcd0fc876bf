# Corpus comparison: keyness, Zeta, dispersion, collocations and keyword-in-context for the
# comparisons listed in the config (see the README, "Comparing groups").

# Final outputs of this stage, collected by `rule all`.
COMPARE_OUTPUTS = []
