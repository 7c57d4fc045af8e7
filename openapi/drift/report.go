package drift

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report for people: the drift first (what X's document has and ours
// lacks, the reverse, and facts both state differently), then the differences our
// document states (with their reasons), X's renames, statements that no longer apply, and
// a summary line. Differences about several names of one thing print as one line.
func (r *Report) WriteText(w io.Writer) error {
	p := &printer{w: w}
	p.printf("ours:   %s %s (%d operations)\n", r.Ours.Name, r.Ours.Version, r.Ours.Operations)
	p.printf("theirs: %s %s (%d operations)\n", r.Theirs.Name, r.Theirs.Version, r.Theirs.Operations)
	r.section(p, "drift: in X's document, not in ours", func(d Difference) bool { return d.Drift() && d.Side == OnlyTheirs }, false)
	r.section(p, "drift: in ours, not in X's document", func(d Difference) bool { return d.Drift() && d.Side == OnlyOurs }, false)
	r.section(p, "drift: stated otherwise by X's document", func(d Difference) bool { return d.Drift() && d.Side == Both }, false)
	r.section(p, "stated in our document on purpose", func(d Difference) bool { return d.Stated }, true)
	r.section(p, "renamed by X (ours keeps the tweet names real responses carry)", func(d Difference) bool { return d.Kind == Rename && !d.Stated }, false)
	if len(r.Stale) > 0 {
		p.printf("\nstated but no longer different (%d; the statement can go):\n", len(r.Stale))
		for _, s := range r.Stale {
			p.printf("  %s\n", s.Fact)
		}
	}
	p.printf("\noperations_ours=%d operations_theirs=%d operations_shared=%d drift=%d stated=%d renames=%d stale_statements=%d\n",
		r.Ours.Operations, r.Theirs.Operations, r.Shared, r.DriftCount, r.StatedCount, r.RenameCount, len(r.Stale))
	return p.err
}

// WriteJSON writes the report as one indented JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func (r *Report) section(p *printer, title string, keep func(Difference) bool, why bool) {
	var lines []line
	for _, d := range r.Differences {
		if !keep(d) {
			continue
		}
		if n := len(lines); n > 0 && d.value != "" && lines[n-1].group == d.group && lines[n-1].why == d.Why && len(lines[n-1].values) > 0 {
			lines[n-1].values = append(lines[n-1].values, d.value)
			continue
		}
		l := line{group: d.group, why: d.Why}
		if d.value != "" {
			l.values = []string{d.value}
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		return
	}
	p.printf("\n%s:\n", title)
	for _, l := range lines {
		p.printf("  %s\n", l.String())
		if why && l.why != "" {
			p.printf("      why: %s\n", l.why)
		}
	}
}

// line is one printed line: a group of differences about several names of one thing.
type line struct {
	group, why string
	values     []string
}

func (l line) String() string {
	if len(l.values) == 0 {
		return l.group
	}
	return l.group + " ['" + strings.Join(l.values, "', '") + "']"
}

// printer keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
