package server

import (
	"context"

	"go.lsp.dev/protocol"
)

// The protocol.Server methods below are LSP features upward does not offer;
// the handler never routes to them, and each returns MethodNotFound.

// WorkDoneProgressCancel is not provided by upward.
func (s *Server) WorkDoneProgressCancel(_ context.Context, _ *protocol.WorkDoneProgressCancelParams) (err error) {
	return notImplemented(protocol.MethodWorkDoneProgressCancel)
}

// LogTrace is not provided by upward.
func (s *Server) LogTrace(_ context.Context, _ *protocol.LogTraceParams) (err error) {
	return notImplemented(protocol.MethodLogTrace)
}

// CodeLensResolve is not provided by upward.
func (s *Server) CodeLensResolve(_ context.Context, _ *protocol.CodeLens) (result *protocol.CodeLens, err error) {
	return nil, notImplemented(protocol.MethodCodeLensResolve)
}

// ColorPresentation is not provided by upward.
func (s *Server) ColorPresentation(_ context.Context, _ *protocol.ColorPresentationParams) (result []protocol.ColorPresentation, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentColorPresentation)
}

// Completion is not provided by upward.
func (s *Server) Completion(_ context.Context, _ *protocol.CompletionParams) (result *protocol.CompletionList, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentCompletion)
}

// CompletionResolve is not provided by upward.
func (s *Server) CompletionResolve(_ context.Context, _ *protocol.CompletionItem) (result *protocol.CompletionItem, err error) {
	return nil, notImplemented(protocol.MethodCompletionItemResolve)
}

// Declaration is not provided by upward.
func (s *Server) Declaration(_ context.Context, _ *protocol.DeclarationParams) (result []protocol.Location, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentDeclaration)
}

// Definition is not provided by upward.
func (s *Server) Definition(_ context.Context, _ *protocol.DefinitionParams) (result []protocol.Location, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentDefinition)
}

// DocumentColor is not provided by upward.
func (s *Server) DocumentColor(_ context.Context, _ *protocol.DocumentColorParams) (result []protocol.ColorInformation, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentDocumentColor)
}

// DocumentHighlight is not provided by upward.
func (s *Server) DocumentHighlight(_ context.Context, _ *protocol.DocumentHighlightParams) (result []protocol.DocumentHighlight, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentDocumentHighlight)
}

// DocumentLink is not provided by upward.
func (s *Server) DocumentLink(_ context.Context, _ *protocol.DocumentLinkParams) (result []protocol.DocumentLink, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentDocumentLink)
}

// DocumentLinkResolve is not provided by upward.
func (s *Server) DocumentLinkResolve(_ context.Context, _ *protocol.DocumentLink) (result *protocol.DocumentLink, err error) {
	return nil, notImplemented(protocol.MethodDocumentLinkResolve)
}

// DocumentSymbol is not provided by upward.
func (s *Server) DocumentSymbol(_ context.Context, _ *protocol.DocumentSymbolParams) (result []interface{}, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentDocumentSymbol)
}

// FoldingRanges is not provided by upward.
func (s *Server) FoldingRanges(_ context.Context, _ *protocol.FoldingRangeParams) (result []protocol.FoldingRange, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentFoldingRange)
}

// Formatting is not provided by upward.
func (s *Server) Formatting(_ context.Context, _ *protocol.DocumentFormattingParams) (result []protocol.TextEdit, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentFormatting)
}

// Implementation is not provided by upward.
func (s *Server) Implementation(_ context.Context, _ *protocol.ImplementationParams) (result []protocol.Location, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentImplementation)
}

// OnTypeFormatting is not provided by upward.
func (s *Server) OnTypeFormatting(_ context.Context, _ *protocol.DocumentOnTypeFormattingParams) (result []protocol.TextEdit, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentOnTypeFormatting)
}

// PrepareRename is not provided by upward.
func (s *Server) PrepareRename(_ context.Context, _ *protocol.PrepareRenameParams) (result *protocol.Range, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentPrepareRename)
}

// RangeFormatting is not provided by upward.
func (s *Server) RangeFormatting(_ context.Context, _ *protocol.DocumentRangeFormattingParams) (result []protocol.TextEdit, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentRangeFormatting)
}

// References is not provided by upward.
func (s *Server) References(_ context.Context, _ *protocol.ReferenceParams) (result []protocol.Location, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentReferences)
}

// Rename is not provided by upward.
func (s *Server) Rename(_ context.Context, _ *protocol.RenameParams) (result *protocol.WorkspaceEdit, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentRename)
}

// SignatureHelp is not provided by upward.
func (s *Server) SignatureHelp(_ context.Context, _ *protocol.SignatureHelpParams) (result *protocol.SignatureHelp, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentSignatureHelp)
}

// Symbols is not provided by upward.
func (s *Server) Symbols(_ context.Context, _ *protocol.WorkspaceSymbolParams) (result []protocol.SymbolInformation, err error) {
	return nil, notImplemented(protocol.MethodWorkspaceSymbol)
}

// TypeDefinition is not provided by upward.
func (s *Server) TypeDefinition(_ context.Context, _ *protocol.TypeDefinitionParams) (result []protocol.Location, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentTypeDefinition)
}

// WillSave is not provided by upward.
func (s *Server) WillSave(_ context.Context, _ *protocol.WillSaveTextDocumentParams) (err error) {
	return notImplemented(protocol.MethodTextDocumentWillSave)
}

// WillSaveWaitUntil is not provided by upward.
func (s *Server) WillSaveWaitUntil(_ context.Context, _ *protocol.WillSaveTextDocumentParams) (result []protocol.TextEdit, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentWillSaveWaitUntil)
}

// ShowDocument is not provided by upward.
func (s *Server) ShowDocument(_ context.Context, _ *protocol.ShowDocumentParams) (result *protocol.ShowDocumentResult, err error) {
	return nil, notImplemented(protocol.MethodShowDocument)
}

// WillCreateFiles is not provided by upward.
func (s *Server) WillCreateFiles(_ context.Context, _ *protocol.CreateFilesParams) (result *protocol.WorkspaceEdit, err error) {
	return nil, notImplemented(protocol.MethodWillCreateFiles)
}

// DidCreateFiles is not provided by upward.
func (s *Server) DidCreateFiles(_ context.Context, _ *protocol.CreateFilesParams) (err error) {
	return notImplemented(protocol.MethodDidCreateFiles)
}

// WillRenameFiles is not provided by upward.
func (s *Server) WillRenameFiles(_ context.Context, _ *protocol.RenameFilesParams) (result *protocol.WorkspaceEdit, err error) {
	return nil, notImplemented(protocol.MethodWillRenameFiles)
}

// DidRenameFiles is not provided by upward.
func (s *Server) DidRenameFiles(_ context.Context, _ *protocol.RenameFilesParams) (err error) {
	return notImplemented(protocol.MethodDidRenameFiles)
}

// WillDeleteFiles is not provided by upward.
func (s *Server) WillDeleteFiles(_ context.Context, _ *protocol.DeleteFilesParams) (result *protocol.WorkspaceEdit, err error) {
	return nil, notImplemented(protocol.MethodWillDeleteFiles)
}

// DidDeleteFiles is not provided by upward.
func (s *Server) DidDeleteFiles(_ context.Context, _ *protocol.DeleteFilesParams) (err error) {
	return notImplemented(protocol.MethodDidDeleteFiles)
}

// CodeLensRefresh is not provided by upward.
func (s *Server) CodeLensRefresh(_ context.Context) (err error) {
	return notImplemented(protocol.MethodCodeLensRefresh)
}

// PrepareCallHierarchy is not provided by upward.
func (s *Server) PrepareCallHierarchy(_ context.Context, _ *protocol.CallHierarchyPrepareParams) (result []protocol.CallHierarchyItem, err error) {
	return nil, notImplemented(protocol.MethodTextDocumentPrepareCallHierarchy)
}

// IncomingCalls is not provided by upward.
func (s *Server) IncomingCalls(_ context.Context, _ *protocol.CallHierarchyIncomingCallsParams) (result []protocol.CallHierarchyIncomingCall, err error) {
	return nil, notImplemented(protocol.MethodCallHierarchyIncomingCalls)
}

// OutgoingCalls is not provided by upward.
func (s *Server) OutgoingCalls(_ context.Context, _ *protocol.CallHierarchyOutgoingCallsParams) (result []protocol.CallHierarchyOutgoingCall, err error) {
	return nil, notImplemented(protocol.MethodCallHierarchyOutgoingCalls)
}

// SemanticTokensFull is not provided by upward.
func (s *Server) SemanticTokensFull(_ context.Context, _ *protocol.SemanticTokensParams) (result *protocol.SemanticTokens, err error) {
	return nil, notImplemented(protocol.MethodSemanticTokensFull)
}

// SemanticTokensFullDelta is not provided by upward.
func (s *Server) SemanticTokensFullDelta(_ context.Context, _ *protocol.SemanticTokensDeltaParams) (result interface{}, err error) {
	return nil, notImplemented(protocol.MethodSemanticTokensFullDelta)
}

// SemanticTokensRange is not provided by upward.
func (s *Server) SemanticTokensRange(_ context.Context, _ *protocol.SemanticTokensRangeParams) (result *protocol.SemanticTokens, err error) {
	return nil, notImplemented(protocol.MethodSemanticTokensRange)
}

// SemanticTokensRefresh is not provided by upward.
func (s *Server) SemanticTokensRefresh(_ context.Context) (err error) {
	return notImplemented(protocol.MethodSemanticTokensRefresh)
}

// LinkedEditingRange is not provided by upward.
func (s *Server) LinkedEditingRange(_ context.Context, _ *protocol.LinkedEditingRangeParams) (result *protocol.LinkedEditingRanges, err error) {
	return nil, notImplemented(protocol.MethodLinkedEditingRange)
}

// Moniker is not provided by upward.
func (s *Server) Moniker(_ context.Context, _ *protocol.MonikerParams) (result []protocol.Moniker, err error) {
	return nil, notImplemented(protocol.MethodMoniker)
}
