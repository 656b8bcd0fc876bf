"""Everything that touches files or the network lives in this subpackage."""
