// Package standalone holds the test that the repository stands alone: no
// source file, script or document of it reaches for a file outside it,
// and the design notes its code cites are in docs/design.
package standalone
