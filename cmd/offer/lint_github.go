package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// writeGitHub prints diagnostics as GitHub Actions workflow commands, which
// the runner turns into annotations on the pull request's files.
func writeGitHub(w io.Writer, ds lang.Diagnostics) {
	for _, d := range ds {
		kind := "notice"
		switch d.Severity {
		case engine.Error:
			kind = "error"
		case engine.Warning:
			kind = "warning"
		}
		s := d.Subject
		msg := d.Detail
		if msg == "" {
			msg = d.Summary
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", kind,
			ghProperty(s.Filename), s.Start.Line, s.Start.Column, s.End.Line, s.End.Column,
			ghProperty(fmt.Sprintf("offer %s: %s", d.Code, d.Summary)), ghData(msg))
	}
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
