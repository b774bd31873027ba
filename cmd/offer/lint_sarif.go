package main

import (
	"bytes"
	"net/url"
	"path/filepath"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file renders lint results as SARIF 2.1.0, the format code-scanning
// services accept. Rule metadata comes from lang.Rules, the table that
// docs/rules.md documents.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifLevel maps a severity to SARIF's levels (error, warning, note).
func sarifLevel(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "note"
}

func lintSARIF(ds lang.Diagnostics, src func(string) []byte) sarifLog {
	driver := sarifDriver{Name: "offer", Version: version, InformationURI: "https://github.com/offerkit/offerkit", Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(r *lang.Rule) {
		tags := []string{"offer-file"}
		if r.Flag {
			tags = []string{"compensation"}
		}
		index[r.Code] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID: r.Code, Name: r.Code,
			ShortDescription: sarifText{r.Summary}, FullDescription: sarifText{r.Summary + " " + r.Help},
			Help: sarifText{r.Help}, HelpURI: r.Doc(),
			DefaultConfiguration: sarifRuleConf{sarifLevel(r.Severity)},
			Properties:           map[string]any{"tags": tags},
		})
	}
	for _, r := range lang.Rules {
		addRule(r)
	}
	run := sarifRun{Results: []sarifResult{}, ColumnKind: "utf16CodeUnits"}
	for _, d := range ds {
		if _, ok := index[d.Code]; !ok {
			addRule(&lang.Rule{Code: d.Code, Severity: d.Severity, Summary: d.Summary, Help: d.Detail})
		}
		s := d.Subject
		text := src(s.Filename)
		start, end := utf16Column(text, s.Start), utf16Column(text, s.End)
		endLine := s.End.Line
		if endLine < s.Start.Line || (endLine == s.Start.Line && end < start) {
			endLine, end = s.Start.Line, start
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: d.Code, RuleIndex: index[d.Code], Level: sarifLevel(d.Severity),
			Message: sarifText{d.Message()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: artifact(s.Filename),
				Region:           sarifRegion{StartLine: max(s.Start.Line, 1), StartColumn: start, EndLine: max(endLine, 1), EndColumn: end},
			}}},
		})
	}
	run.Tool = sarifTool{driver}
	return sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
}

// artifact turns a file name into a SARIF artifact location: relative
// names are relative to the checkout (%SRCROOT%), absolute ones file: URIs.
func artifact(name string) sarifArtifact {
	if filepath.IsAbs(name) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: filepath.ToSlash(filepath.Clean(name))}).String(), URIBaseID: "%SRCROOT%"}
}

// utf16Column returns the 1-based column of a position in UTF-16 code
// units, the unit SARIF counts in by default; without the text it falls
// back to HCL's column.
func utf16Column(src []byte, p hcl.Pos) int {
	if src == nil || p.Byte > len(src) || p.Byte < 0 {
		return max(p.Column, 1)
	}
	lineStart := bytes.LastIndexByte(src[:p.Byte], '\n') + 1
	n := 0
	for b := src[lineStart:p.Byte]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		n += len(utf16.Encode([]rune{r}))
		b = b[size:]
	}
	return n + 1
}
