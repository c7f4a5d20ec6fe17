//! Zed extension that registers the `upward` language server for Markdown
//! and plain text. It runs the `upward` binary the user installed; it does
//! not download anything.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const INSTALL: &str = "go install github.com/upward-lint/upward/cmd/upward@latest";

struct UpwardExtension;

impl zed::Extension for UpwardExtension {
    fn new() -> Self {
        UpwardExtension
    }

    /// `lsp.upward.binary.path` / `.arguments` from settings.json win;
    /// otherwise `upward lsp` from the worktree's PATH.
    fn language_server_command(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.binary);
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        let command = match binary.and_then(|b| b.path) {
            Some(path) => path,
            None => worktree.which("upward").ok_or_else(|| {
                format!("upward is not on PATH: install it with `{INSTALL}` or set lsp.upward.binary.path")
            })?,
        };
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }

    /// The server pulls the section "upward", shaped {"rules": {...}}, from
    /// `lsp.upward.settings` in settings.json.
    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree(id.as_ref(), worktree)
            .ok()
            .and_then(|s| s.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Some(serde_json::json!({ "upward": settings })))
    }
}

zed::register_extension!(UpwardExtension);
