package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
)

// buildVersion is what the binary knows about how it was built, read from
// the build information Go embeds: the module version (a tag such as
// v0.2.0, a pseudo-version with the commit for a build in a checkout, or
// "(devel)" for go run and go test), the commit and its time, and whether
// the checkout had uncommitted changes. There is no build date on purpose:
// two builds of one commit are byte for byte the same.
type buildVersion struct {
	Version  string `json:"version"`
	Revision string `json:"revision,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified"`
	Go       string `json:"go"`
}

func readBuildVersion() buildVersion {
	v := buildVersion{Version: "(devel)", Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the one-line form the language server reports in serverInfo and
// SARIF in its driver version: the module version, and the short commit when
// the version does not already name it.
func (v buildVersion) String() string {
	s := v.Version
	if v.Revision != "" && (s == "(devel)" || s == "") {
		short := v.Revision
		if len(short) > 12 {
			short = short[:12]
		}
		s += " " + short
		if v.Modified {
			s += "+dirty"
		}
	}
	return s
}

// version is the one-line version string, for serverInfo and SARIF.
var version = readBuildVersion().String()

func runVersion(e *env, _ []string) int {
	v := readBuildVersion()
	if e.format == "json" {
		out, _ := json.MarshalIndent(v, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", out)
		return exitOK
	}
	fmt.Fprintf(e.stdout, "offer %s\n", v.Version)
	if v.Revision != "" {
		modified := ""
		if v.Modified {
			modified = " (with uncommitted changes)"
		}
		fmt.Fprintf(e.stdout, "commit %s%s\n", v.Revision, modified)
	}
	if v.Time != "" {
		fmt.Fprintf(e.stdout, "commit time %s\n", v.Time)
	}
	fmt.Fprintf(e.stdout, "built with %s\n", v.Go)
	return exitOK
}
