package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Each change of the bands setting drops the watcher of the band file
// outside the folders and registers one for the new file: the client gets
// the registrations in the order the server makes them, so no
// unregistration overtakes the registration it drops (which would leave the
// client with a watcher the server has forgotten, or none). They are sent
// before the server reads the next message, so all of them have arrived
// when the answer to a later request does.
func TestSettingBandsWatchersArriveInOrder(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	first, second := filepath.Join(elsewhere, "first.bands.hcl"), filepath.Join(elsewhere, "second.bands.hcl")
	writeBand(t, first, 300000, 420000)
	writeBand(t, second, 340000, 360000)
	c := newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(root),
		"capabilities":          map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}},
		"initializationOptions": map[string]any{"settings": map[string]any{"offer": map[string]any{"bands": []string{first}}}}})
	want := []string{"register offer-watch", "register offer-watch-settings-1"}
	const changes = 30
	for i := 1; i <= changes; i++ {
		file := []string{first, second}[i%2]
		c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"offer": map[string]any{"bands": []string{file}}}})
		want = append(want, fmt.Sprintf("unregister offer-watch-settings-%d", i), fmt.Sprintf("register offer-watch-settings-%d", i+1))
	}
	c.callErr("offer/roundTrip", nil) // answered after every message before it
	got := registrationOrder(c)
	if !slices.Equal(got, want) {
		t.Errorf("registrations as the client got them:\n%q\nwant\n%q", got, want)
	}
	if globs := watchedGlobs(c); !slices.Contains(globs, filepath.ToSlash(first)) || slices.Contains(globs, filepath.ToSlash(second)) {
		t.Errorf("watched after the last change (to the first band file): %q", globs)
	}
}

// registrationOrder lists the client/registerCapability and
// client/unregisterCapability requests of file watchers as the client got
// them: "register ID" or "unregister ID".
func registrationOrder(c *client) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, r := range c.registrations {
		var p struct {
			Registrations, Unregisterations []struct{ ID, Method string }
		}
		json.Unmarshal(r.params, &p)
		for _, reg := range append(p.Registrations, p.Unregisterations...) {
			if reg.Method == "workspace/didChangeWatchedFiles" {
				out = append(out, map[bool]string{false: "register ", true: "unregister "}[r.drop]+reg.ID)
			}
		}
	}
	return out
}

// A file opened outside every folder (here with no folder at all) brings
// its directory, whose offer, band, tax and rates files are its negotiation; the
// folders' "**/*.offer.hcl" watchers do not cover it, so the directory gets
// watchers of its own: globs under its absolute path, or relative patterns
// under it for a client that supports them. A sibling changed on disk is
// then read again: the counter beside it is checked against it.
func TestLoneDirectoryIsWatched(t *testing.T) {
	for _, relative := range []bool{false, true} {
		t.Run(fmt.Sprint("relativePatternSupport=", relative), func(t *testing.T) {
			dir := exampleDir(t)
			c := start(t, "", map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{
				"dynamicRegistration": true, "relativePatternSupport": relative}}})
			counter := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
			if got := published(c.waitDiags(counter, 1)); len(got) != 4 {
				t.Fatalf("the counter against the offer beside it: %q", got)
			}
			var want []string
			for _, n := range []string{"*.offer.hcl", "*.bands.hcl", "*.tax.hcl", "*.rates.hcl"} {
				if relative {
					want = append(want, nameToURI(dir)+" "+n)
				} else {
					want = append(want, filepath.ToSlash(dir)+"/"+n)
				}
			}
			waitForWatchers(t, c, want...)
			offer := filepath.Join(dir, "offer.offer.hcl")
			write(t, offer, strings.Replace(readFile(t, offer), `offer "amazon_l6"`, `offer "amazon_l7"`, 1))
			changedOnDisk(c, offer)
			c.waitPublished(counter, "the counter checked against its offer renamed on disk", func(got []string) bool {
				return len(got) == 1 && strings.Contains(got[0], "unknown-reference")
			})
		})
	}
}
