package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
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
