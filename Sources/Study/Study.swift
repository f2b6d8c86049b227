// The Study module; see docs/architecture.md for what it owns.
