package cli

import (
	"encoding/json"
	"io"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/version"
)

// sarifFormat writes one SARIF 2.1.0 log with one run, streaming results.
// Columns are 1-based UTF-16 code units (SARIF's default columnKind).
type sarifFormat struct {
	cfg *config.Config
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	informationU = "https://github.com/upward-lint/upward"
)

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name,omitempty"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifMarkdown     `json:"help"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
}

type sarifMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	} `json:"physicalLocation"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

type sarifFix struct {
	Description     sarifText `json:"description"`
	ArtifactChanges []struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	} `json:"artifactChanges"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

func (s *sarifFormat) begin(w io.Writer) error {
	var rules []sarifRule
	for _, r := range s.cfg.Rules() {
		full := r.Title
		if r.Principle != "" {
			full += ". Principle: " + r.Principle
			if r.Source != "" {
				full += " (" + r.Source + ")"
			}
		}
		help := sarifMarkdown{Text: r.Text(), Markdown: r.Markdown()}
		if help.Text == "" {
			help = sarifMarkdown{Text: r.Title}
		}
		rules = append(rules, sarifRule{
			ID: r.ID, ShortDescription: sarifText{r.Title}, FullDescription: sarifText{full},
			Help: help, HelpURI: r.URL,
			DefaultConfiguration: map[string]string{"level": sarifLevel(r.Severity)},
		})
	}
	if rules == nil {
		rules = []sarifRule{}
	}
	driver := map[string]any{
		"name":           "upward",
		"version":        version.Short(),
		"informationUri": informationU,
		"rules":          rules,
	}
	tool, err := json.Marshal(map[string]any{"driver": driver})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, `{"version": "2.1.0", "$schema": "`+sarifSchema+`", "runs": [{"tool": `+string(tool)+`, "columnKind": "utf16CodeUnits", "results": [`+"\n")
	return err
}

func (s *sarifFormat) file(w io.Writer, path string, doc *document.Document, fs []lint.Finding) error {
	m := doc.Mapper()
	uri := fileURI(path)
	region := func(sp document.Span) sarifRegion {
		r := lspRange(m, sp)
		return sarifRegion{r.Start.Line + 1, r.Start.Character + 1, r.End.Line + 1, r.End.Character + 1}
	}
	enc := newCompactEncoder(w)
	for i, f := range fs {
		res := sarifResult{RuleID: f.RuleID, Level: sarifLevel(f.Severity), Message: sarifText{f.Message}}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = uri
		loc.PhysicalLocation.Region = region(f.Span)
		res.Locations = []sarifLocation{loc}
		for _, fx := range f.Fixes {
			if !fx.Automatic() {
				continue // SARIF fixes are applied as is: no placeholders, no rewrites
			}
			var sf sarifFix
			sf.Description.Text = fx.Title
			sf.ArtifactChanges = make([]struct {
				ArtifactLocation sarifArtifact      `json:"artifactLocation"`
				Replacements     []sarifReplacement `json:"replacements"`
			}, 1)
			sf.ArtifactChanges[0].ArtifactLocation.URI = uri
			for _, e := range fx.Edits {
				sf.ArtifactChanges[0].Replacements = append(sf.ArtifactChanges[0].Replacements,
					sarifReplacement{DeletedRegion: region(e.Span), InsertedContent: sarifText{e.NewText}})
			}
			res.Fixes = append(res.Fixes, sf)
		}
		if i > 0 {
			if _, err := io.WriteString(w, ",\n"); err != nil {
				return err
			}
		}
		if err := enc.encode(res); err != nil {
			return err
		}
	}
	return nil
}

func (s *sarifFormat) sep() string { return ",\n" }

func (s *sarifFormat) end(w io.Writer, sum summary) error {
	type notification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	inv := struct {
		ExecutionSuccessful        bool           `json:"executionSuccessful"`
		ToolExecutionNotifications []notification `json:"toolExecutionNotifications"`
	}{ExecutionSuccessful: len(sum.errors) == 0, ToolExecutionNotifications: []notification{}}
	for _, e := range sum.errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, notification{"error", sarifText{e}})
	}
	b, err := json.Marshal([]any{inv})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n], \"invocations\": "+string(b)+"}]}\n")
	return err
}
