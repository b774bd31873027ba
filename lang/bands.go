package lang

import (
	_ "embed"
	"sort"

	"github.com/offerkit/offerkit/engine"
)

// DefaultBandsName is the name diagnostics and `offer bands` give the
// built-in band file.
const DefaultBandsName = "(built-in)/default.bands.hcl"

//go:embed defaults/default.bands.hcl
var defaultBandsSrc []byte

// DefaultBandsSource returns the text of the built-in band file.
func DefaultBandsSource() []byte { return defaultBandsSrc }

// MergeBands builds the active market data from band files, later files
// overriding earlier ones: bands by company, level, track and location,
// caps by company and level, schedules by name.
func MergeBands(files []*File) *engine.Bands {
	bs := engine.NewBands()
	fromDefaults, defaultCaps := map[*engine.Band]bool{}, map[string]bool{}
	for _, f := range files {
		fileSource := ""
		for _, src := range f.Sources {
			fileSource = src.Source.Name
		}
		builtin := f.Name == DefaultBandsName
		for _, b := range f.Bands {
			band := *b.Band
			if band.Source == "" {
				band.Source = fileSource
			}
			if band.Company == "" && !builtin {
				// A band file that names no company keeps working as it did
				// before bands had companies: it replaces the built-in band
				// with its labels (docs/format.md).
				bs.Drop(func(old *engine.Band) bool { return fromDefaults[old] && engine.SameLabels(old, &band) })
			}
			bs.Put(&band)
			if builtin {
				fromDefaults[bs.Lookup(band.Company, band.Level, band.Track, band.Location)] = true
			}
		}
		for _, c := range f.Caps {
			if c.Cap.Company == "" && !builtin {
				for k, old := range bs.Caps {
					if defaultCaps[k] && engine.Key(old.Level) == engine.Key(c.Cap.Level) {
						delete(bs.Caps, k)
					}
				}
			}
			k := engine.CapKey(c.Cap.Company, c.Cap.Level)
			bs.Caps[k] = c.Cap
			defaultCaps[k] = builtin
		}
		for _, s := range f.Schedules {
			bs.Schedules[s.Schedule.Name] = s.Schedule
		}
		for _, src := range f.Sources {
			bs.Source = src.Source
		}
		mergePolicy(&bs.Policy, f.Policies)
	}
	return bs
}

// ScheduleNames returns the names of the active schedule presets, sorted.
func ScheduleNames(bs *engine.Bands) []string {
	var out []string
	for n := range bs.Schedules {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// mergePolicy applies policy blocks: approval tiers replace the earlier
// tiers as a whole; a room replaces the earlier room of its lever.
func mergePolicy(p *engine.Policy, docs []*PolicyDoc) {
	for _, doc := range docs {
		if doc.Approval != nil {
			p.Approval = doc.Approval
		}
		if len(doc.Room) > 0 {
			room := map[string]engine.Room{}
			for k, v := range p.Room {
				room[k] = v
			}
			for k, v := range doc.Room {
				room[k] = v
			}
			p.Room = room
		}
	}
}
