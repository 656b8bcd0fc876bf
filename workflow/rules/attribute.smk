# Attribution and verification: cross-validated classifiers, General Impostors, rolling Delta
# (see the README, "Attribution").

# Final outputs of this stage, collected by `rule all`.
ATTRIBUTE_OUTPUTS = []
