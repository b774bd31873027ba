package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// wideBands writes, outside the workspace, a band file whose L6 SDE
// Seattle band is wider than the built-in one: the offer's $350,000 year 1
// is then below the band's median instead of above it.
func wideBands(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wide.bands.hcl")
	writeBand(t, path, 300000, 420000)
	return path
}

// writeBand writes a band file whose L6 SDE Seattle band is wider than the
// built-in one, with a year-1 range of [lo, hi] at the 10th to 90th
// percentile.
func writeBand(t *testing.T, path string, lo, hi int) {
	t.Helper()
	write(t, path, fmt.Sprintf(`band "L6" "SDE" "Seattle" {
  company     = "Amazon"
  base        = [170000, 230000]
  equity      = [300000, 700000]
  sign_on     = [0, 150000]
  year1_total = [%d, %d]
  percentiles = [10, 90]
}
`, lo, hi))
}

func codesOf(p pubDiags) []string {
	var out []string
	for _, d := range p.Diagnostics {
		out = append(out, d.Code)
	}
	return out
}

// The "offer" settings are asked with workspace/configuration once the
// client is initialized, and again on didChangeConfiguration; a change of
// band files re-checks the open documents (live reload).
func TestConfigurationAskedAndReloaded(t *testing.T) {
	dir := exampleDir(t)
	bands := wideBands(t)
	c := newClient(t, nil)
	c.answers = map[string]any{"workspace/configuration": []any{map[string]any{"bands": []string{bands}}}}
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(dir),
		"capabilities": map[string]any{"workspace": map[string]any{"configuration": true}}})
	c.waitCall("workspace/configuration")
	var asked struct {
		Items []struct {
			Section string `json:"section"`
		} `json:"items"`
	}
	c.mu.Lock()
	json.Unmarshal(c.params["workspace/configuration"], &asked)
	c.mu.Unlock()
	if len(asked.Items) != 1 || asked.Items[0].Section != "offer" {
		t.Errorf("workspace/configuration asked for %+v", asked)
	}
	waitFor(t, "the band setting applied", func() bool { return len(c.srv.project.ExtraBandFiles()) == 1 })
	uri := c.openFile(filepath.Join(dir, "offer.offer.hcl"))
	if got := codesOf(c.waitDiags(uri, 1)); !slices.Contains(got, "below-median") {
		t.Errorf("diagnostics with the wide band: %q", got)
	}
	// The user removes the setting: didChangeConfiguration carries no
	// settings, so the server asks again, and the offer is checked again
	// against the built-in band.
	c.mu.Lock()
	c.answers = map[string]any{"workspace/configuration": []any{map[string]any{"bands": []string{}}}}
	c.mu.Unlock()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	c.waitCall("workspace/configuration")
	c.waitPublished(uri, "diagnostics against the built-in band once the band setting is removed", func(got []string) bool {
		codes := strings.Join(got, "\n")
		return !strings.Contains(codes, " below-median ") && strings.Contains(codes, " above-band ")
	})
}

// Two quick didChangeConfiguration notifications: the client answers the
// first request for the settings slowly, the second at once. The second
// answer is the settings in force; the first, which comes last, is ignored.
// The second answer may also hold no offer section (null): the settings
// stay as they were, and the older answer still does not win after it.
func TestConfigurationOlderAnswerIgnored(t *testing.T) {
	dir := exampleDir(t)
	older, newer := wideBands(t), wideBands(t)
	for _, tc := range []struct {
		name   string
		second any      // the newer answer's section
		want   []string // the band files in force after both answers
	}{
		{"a newer section", map[string]any{"bands": []string{newer}}, []string{newer}},
		{"a newer answer without a section", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, nil)
			c.answers = map[string]any{"workspace/configuration": []any{map[string]any{"bands": []string{}}}}
			c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(dir),
				"capabilities": map[string]any{"workspace": map[string]any{"configuration": true}}})
			c.waitCall("workspace/configuration")
			slow := make(chan struct{})
			c.mu.Lock()
			c.turns = map[string][]turn{"workspace/configuration": {
				{answer: []any{map[string]any{"bands": []string{older}}}, hold: slow},
				{answer: []any{tc.second}},
			}}
			c.mu.Unlock()
			c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
			c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
			inForce := func() []string {
				var names []string
				for _, f := range c.srv.project.ExtraBandFiles() {
					names = append(names, f.Name)
				}
				return names
			}
			if tc.second == nil {
				waitFor(t, "the second answer taken", func() bool {
					return strings.Contains(c.log.String(), "holds no offer section; the settings stay as they were")
				})
			} else {
				waitFor(t, "the second answer applied", func() bool { return slices.Equal(inForce(), tc.want) })
			}
			close(slow)
			waitFor(t, "the first answer ignored", func() bool {
				return strings.Contains(c.log.String(), "an answer to workspace/configuration came after a later one's; ignored")
			})
			if got := inForce(); !slices.Equal(got, tc.want) {
				t.Errorf("band files in force after both answers: %q; want %q", got, tc.want)
			}
		})
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// A removed folder's closed files leave the project (workspace symbols no
// longer find them), and so does its workspace, once empty; a document still open there keeps its directory's
// negotiation, so its counter does not turn into an unknown reference.
func TestWorkspaceFolderRemoved(t *testing.T) {
	seattle, competing := exampleDir(t), competingDir(t)
	c := newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, "capabilities": map[string]any{}, "workspaceFolders": folders(seattle, competing)})
	counter := c.openFile(filepath.Join(competing, "round1.offer.hcl"))
	before := codesOf(c.waitDiags(counter, 1))
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added": []any{}, "removed": folders(seattle, competing)}})
	var syms []map[string]any
	c.call("workspace/symbol", map[string]any{"query": ""}, &syms) // answered after the notification
	if inProject(c, filepath.Join(seattle, "offer.offer.hcl")) || inProject(c, filepath.Join(seattle, "round1.offer.hcl")) {
		t.Error("the removed folder's files are still in the project")
	}
	if ws := c.srv.project.Workspaces(); len(ws) != 1 {
		t.Errorf("%d workspaces after the removal, want the open counter's alone (an empty one is kept?)", len(ws))
	}
	var names []string
	for _, s := range syms {
		names = append(names, s["name"].(string))
	}
	slices.Sort(names)
	// Only the open counter's directory remains: its offers, its band, itself.
	if want := []string{"amazon_l6_nyc", "band Staff SWE NYC", "northwind_staff", "r1"}; !slices.Equal(names, want) {
		t.Errorf("symbols after the removal: %q, want %q", names, want)
	}
	after := codesOf(c.waitDiags(counter, 1))
	if slices.Contains(after, "unknown-reference") || !slices.Equal(before, after) {
		t.Errorf("the open counter's diagnostics: before %q, after %q", before, after)
	}
}

// A band file of the settings named relative to the folder is read from
// the folder, also when the settings come with initialize, and it is read
// again when it changes on disk: every workspace applies it (here an
// offer in a subdirectory, whose own workspace does not hold the file),
// and the open offer's lens follows. The offer's year 1 is $350,000: in a
// year-1 band of [300,000, 420,000] at the 10th to 90th percentile it is
// at 10 + 50/120 × 80 = 43.3; in [340,000, 360,000], at 10 + 10/20 × 80 = 50.
func TestSettingBandsFollowTheFile(t *testing.T) {
	root := t.TempDir()
	offer := filepath.Join(root, "neg", "offer.offer.hcl")
	write(t, offer, readFile(t, filepath.Join("..", "examples", "amazon-l6-seattle", "offer.offer.hcl")))
	bands := filepath.Join(root, "wide.bands.hcl")
	writeBand(t, bands, 300000, 420000)
	c, uri := openWithRelativeBands(t, offer, "rootUri", nameToURI(root))

	writeBand(t, bands, 340000, 360000)
	changedOnDisk(c, bands)
	wantPercentile(t, c, uri, 50, "after the band file of the settings changed")
}

// A band file of the settings outside the workspace folders gets a watcher
// of its own, since the "**/*.bands.hcl" watcher covers only the folders:
// the glob of its absolute path, or, for a client that supports relative
// patterns (LSP 3.17; VS Code watches nothing outside the workspace for a
// plain glob), its name under its directory. A new setting replaces the
// watcher; a change notification for the file updates the figures, without
// reading it as a file of a workspace (it is outside every one). A band
// file of the settings inside the folder gets no watcher of its own.
func TestSettingBandsOutsideAreWatched(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	offer := filepath.Join(root, "offer.offer.hcl")
	write(t, offer, readFile(t, filepath.Join("..", "examples", "amazon-l6-seattle", "offer.offer.hcl")))
	first, second := filepath.Join(elsewhere, "first.bands.hcl"), filepath.Join(elsewhere, "second.bands.hcl")
	writeBand(t, first, 300000, 420000)
	writeBand(t, second, 340000, 360000)
	watch := map[string]any{"dynamicRegistration": true}
	c := newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(root),
		"capabilities":          map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": watch}},
		"initializationOptions": map[string]any{"settings": map[string]any{"offer": map[string]any{"bands": []string{"inside.bands.hcl", first}}}}})
	waitForWatchers(t, c, "**/*.bands.hcl", filepath.ToSlash(first))
	uri := c.open(offer, readFile(t, offer))
	wantPercentile(t, c, uri, 43, "with the first band file")

	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"offer": map[string]any{"bands": []string{second}}}})
	waitForWatchers(t, c, "**/*.bands.hcl", filepath.ToSlash(second))
	if got := watchedGlobs(c); slices.Contains(got, filepath.ToSlash(first)) {
		t.Errorf("the first band file is still watched: %q", got)
	}
	wantPercentile(t, c, uri, 50, "with the second band file")
	writeBand(t, second, 300000, 420000)
	changedOnDisk(c, second)
	wantPercentile(t, c, uri, 43, "after the second band file changed")
	if log := c.log.String(); strings.Contains(log, "not reading") {
		t.Errorf("the band file of the settings was read as a workspace file:\n%s", log)
	}

	watch["relativePatternSupport"] = true
	c = newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(root),
		"capabilities":          map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": watch}},
		"initializationOptions": map[string]any{"settings": map[string]any{"offer": map[string]any{"bands": []string{first}}}}})
	waitForWatchers(t, c, "**/*.bands.hcl", nameToURI(elsewhere)+" first.bands.hcl")
}

// wantPercentile checks the lens of the Amazon example's offer: its
// totals, at the given percentile of the band.
func wantPercentile(t *testing.T, c *client, uri string, percentile int, when string) {
	t.Helper()
	if got, want := keptLenses(c, uri), fmt.Sprintf("4-yr $1,405,000 · avg $351,250 · p%d", percentile); len(got) == 0 || got[0] != want {
		t.Errorf("lenses %s: %q, want %q first", when, got, want)
	}
}

// changedOnDisk tells the server that a file changed on disk.
func changedOnDisk(c *client, path string) {
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(path), "type": 2}}})
}

// watchedGlobs returns the patterns of the file watchers the client was
// asked to register and not asked to drop since, in order; a relative
// pattern is its base URI, a space and its pattern.
func watchedGlobs(c *client) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := map[string][]string{}
	var order []string
	for _, r := range c.registrations {
		var p struct {
			Registrations []struct {
				ID              string `json:"id"`
				Method          string `json:"method"`
				RegisterOptions struct {
					Watchers []struct {
						GlobPattern json.RawMessage `json:"globPattern"`
					} `json:"watchers"`
				} `json:"registerOptions"`
			} `json:"registrations"`
			Unregisterations []struct {
				ID string `json:"id"`
			} `json:"unregisterations"`
		}
		json.Unmarshal(r.params, &p)
		for _, u := range p.Unregisterations {
			delete(ids, u.ID)
		}
		for _, reg := range p.Registrations {
			if reg.Method != "workspace/didChangeWatchedFiles" {
				continue
			}
			var globs []string
			for _, w := range reg.RegisterOptions.Watchers {
				var glob string
				var rel struct {
					BaseURI string `json:"baseUri"`
					Pattern string `json:"pattern"`
				}
				if json.Unmarshal(w.GlobPattern, &glob) != nil && json.Unmarshal(w.GlobPattern, &rel) == nil {
					glob = rel.BaseURI + " " + rel.Pattern
				}
				globs = append(globs, glob)
			}
			ids[reg.ID] = globs
			order = append(order, reg.ID)
		}
	}
	var out []string
	for _, id := range order {
		out = append(out, ids[id]...)
	}
	return out
}

// waitForWatchers waits until the client watches the given patterns (and
// perhaps others) and nothing inside the folder named "inside".
func waitForWatchers(t *testing.T, c *client, globs ...string) {
	t.Helper()
	waitFor(t, fmt.Sprintf("watchers of %q", globs), func() bool {
		got := watchedGlobs(c)
		for _, g := range got {
			if strings.Contains(g, "inside") {
				t.Fatalf("a band file inside the folder has a watcher of its own: %q", got)
			}
		}
		for _, g := range globs {
			if !slices.Contains(got, g) {
				return false
			}
		}
		return true
	})
}

// A band file of the settings named relative to the folder starts at the
// first folder: when the folders change, the one in the new first folder
// applies (percentiles as in TestSettingBandsFollowTheFile: 43, then 50).
func TestSettingBandsFollowTheFirstFolder(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	offer := filepath.Join(first, "neg", "offer.offer.hcl")
	write(t, offer, readFile(t, filepath.Join("..", "examples", "amazon-l6-seattle", "offer.offer.hcl")))
	writeBand(t, filepath.Join(first, "wide.bands.hcl"), 300000, 420000)
	writeBand(t, filepath.Join(second, "wide.bands.hcl"), 340000, 360000)
	c, uri := openWithRelativeBands(t, offer, "workspaceFolders", folders(first))
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added": folders(second), "removed": folders(first)}})
	c.sync()
	wantPercentile(t, c, uri, 50, "once the second folder is the first")
}

// openWithRelativeBands initializes a server whose folders are given by
// key (rootUri or workspaceFolders) and whose settings, sent with
// initialize, name the band file "wide.bands.hcl" relative to the first
// folder; it opens offer (the Amazon example's) and checks that the band
// file, written with a year-1 range of [300,000, 420,000], puts it at p43.
func openWithRelativeBands(t *testing.T, offer, key string, value any) (*client, string) {
	t.Helper()
	c := newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, key: value, "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"settings": map[string]any{"offer": map[string]any{"bands": []string{"wide.bands.hcl"}}}}})
	uri := c.openFile(offer)
	c.sync()
	wantPercentile(t, c, uri, 43, "with the band file of the settings")
	return c, uri
}
