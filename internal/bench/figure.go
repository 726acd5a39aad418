package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Verdict says how a figure stands against its target.
type Verdict int

const (
	// Reported is a figure that has no target: context for the others.
	Reported Verdict = iota

	// Met is a figure within its target.
	Met

	// Missed is a figure outside its target.
	Missed
)

func (v Verdict) String() string {
	switch v {
	case Met:
		return "met"
	case Missed:
		return "MISSED"
	default:
		return "-"
	}
}

// Figure is one measured quantity beside the target it is held to.
type Figure struct {
	Name    string
	Value   string
	Target  string
	Verdict Verdict
}

// Section is a group of figures measured one way, with notes on how to
// read them. Err is set when the section could not be measured; the
// figures it got before the failure are kept.
type Section struct {
	Title   string
	Figures []Figure
	Notes   []string
	Err     error
}

// add appends figures to the section.
func (s *Section) add(figures ...Figure) {
	s.Figures = append(s.Figures, figures...)
}

// note appends a note, formatted as fmt.Sprintf does.
func (s *Section) note(format string, args ...any) {
	s.Notes = append(s.Notes, fmt.Sprintf(format, args...))
}

// reported is a figure with no target.
func reported(name, value string) Figure {
	return Figure{Name: name, Value: value, Verdict: Reported}
}

// atMost holds value to at most limit, both shown by format.
func atMost(name string, value, limit float64, format func(float64) string) Figure {
	f := Figure{Name: name, Value: format(value), Target: "≤ " + format(limit), Verdict: Met}
	if value > limit {
		f.Verdict = Missed
	}
	return f
}

// exactly holds a count of calls to one value.
func exactly(name string, value, want int) Figure {
	unit := "calls"
	if value == 1 {
		unit = "call"
	}
	f := Figure{Name: name, Value: fmt.Sprintf("%d %s", value, unit),
		Target: fmt.Sprintf("= %d", want), Verdict: Met}
	if value != want {
		f.Verdict = Missed
	}
	return f
}

// jobs counts jobs in words, as in "1 job" or "1,000 jobs".
func jobs(n int) string {
	digits := fmt.Sprint(n)
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	if n == 1 {
		return digits + " job"
	}
	return digits + " jobs"
}

// seconds shows a duration in seconds with two decimals, the resolution
// that the noise of a shared machine leaves meaningful.
func seconds(d time.Duration) string {
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// secondsOf is seconds for a float64 of seconds, for atMost.
func secondsOf(s float64) string {
	return fmt.Sprintf("%.2f s", s)
}

// ratio shows a ratio with two decimals and a times sign.
func ratio(r float64) string {
	return fmt.Sprintf("%.2f×", r)
}

// mebibytes shows a size in bytes in MiB.
func mebibytes(b float64) string {
	return fmt.Sprintf("%.1f MiB", b/(1<<20))
}

// Tally counts the verdicts of sections, and the sections that failed.
type Tally struct {
	Met, Missed, Failed int
}

// Count tallies the sections.
func Count(sections []Section) Tally {
	var t Tally
	for _, s := range sections {
		if s.Err != nil {
			t.Failed++
		}
		for _, f := range s.Figures {
			switch f.Verdict {
			case Met:
				t.Met++
			case Missed:
				t.Missed++
			}
		}
	}
	return t
}

// Print writes one section as an aligned table under its title, then its
// notes and its error, if any.
func Print(w io.Writer, s Section) error {
	// Neither a strings.Builder nor a tabwriter over one can fail a write,
	// so the one write to w is the only one whose error counts.
	var b strings.Builder
	fmt.Fprintf(&b, "\n## %s\n\n", s.Title)

	if len(s.Figures) > 0 {
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		_, _ = fmt.Fprintln(tw, "  figure\tmeasured\ttarget\tverdict")
		for _, f := range s.Figures {
			target := f.Target
			if target == "" {
				target = "(none)"
			}
			_, _ = fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", f.Name, f.Value, target, f.Verdict)
		}
		_ = tw.Flush()
	}

	for _, n := range s.Notes {
		fmt.Fprintf(&b, "\n%s\n", wrap("  ", n, 78))
	}
	if s.Err != nil {
		fmt.Fprintf(&b, "\n  FAILED: %s\n", s.Err)
	}

	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks text into lines of at most width columns, each starting
// with indent.
func wrap(indent, text string, width int) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}
