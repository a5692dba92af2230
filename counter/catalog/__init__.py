"""The catalog: bundles (一件事), their items, situations and materials, read and checked."""
