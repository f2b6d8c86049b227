// The Lectures module; see docs/architecture.md for what it owns.
