// Package editors holds upward's editor integrations (vscode/, nvim/, zed/)
// and the tests that drive real editors against `upward lsp`.
package editors
