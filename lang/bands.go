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
// overriding earlier ones: bands by level, track and location, caps by
// level, schedules by name.
func MergeBands(files []*File) *engine.Bands {
	bs := engine.NewBands()
	for _, f := range files {
		fileSource := ""
		for _, src := range f.Sources {
			fileSource = src.Source.Name
		}
		for _, b := range f.Bands {
			band := *b.Band
			if band.Source == "" {
				band.Source = fileSource
			}
			bs.Put(&band)
		}
		for _, c := range f.Caps {
			bs.Caps[engine.Key(c.Cap.Level)] = c.Cap
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
