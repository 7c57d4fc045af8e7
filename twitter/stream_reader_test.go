package twitter

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// readAll reads lines until an error, returning them ("<too long N>" for a skipped one)
// and the error.
func readAll(l *lineReader) ([]string, error) {
	var out []string
	for {
		line, err := l.next()
		var tl *lineTooLong
		switch {
		case errors.As(err, &tl):
			out = append(out, "<too long "+strconv.Itoa(tl.size)+">")
		case err != nil:
			return out, err
		default:
			out = append(out, string(line))
		}
	}
}

func TestLineReaderSplitsLines(t *testing.T) {
	long := strings.Repeat("a", 200<<10) // spans several buffers
	body := "one\r\n\r\ntwo\nthree\r\n" + long + "\r\n\n" + strings.Repeat("b", 50) + "\r\nlast\r\n"
	for name, r := range map[string]io.Reader{
		"whole":        strings.NewReader(body),
		"byte by byte": iotest.OneByteReader(strings.NewReader(body)),
		"half reads":   iotest.HalfReader(strings.NewReader(body)),
	} {
		t.Run(name, func(t *testing.T) {
			l := newLineReader(r, 300<<10)
			got, err := readAll(l)
			if err != io.EOF || l.partial != 0 {
				t.Errorf("end: %v, partial %d", err, l.partial)
			}
			want := []string{"one", "", "two", "three", long, "", strings.Repeat("b", 50), "last"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLineReaderSkipsTooLongLines(t *testing.T) {
	const max = 100 << 10
	exact := strings.Repeat("e", max)
	over := strings.Repeat("o", max+1)
	huge := strings.Repeat("h", 5*max)
	body := exact + "\r\n" + over + "\r\n" + huge + "\nnext\r\n"
	l := newLineReader(iotest.HalfReader(strings.NewReader(body)), max)
	got, err := readAll(l)
	if err != io.EOF {
		t.Fatal(err)
	}
	want := []string{exact, "<too long " + strconv.Itoa(max+1) + ">", "<too long " + strconv.Itoa(5*max) + ">", "next"}
	if diff := cmp.Diff(want, got, cmp.Transformer("short", func(s string) string {
		if len(s) > 20 {
			return s[:10] + "..." + strconv.Itoa(len(s))
		}
		return s
	})); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

func TestLineReaderReportsAnUnfinishedLine(t *testing.T) {
	boom := errors.New("connection reset")
	for name, tc := range map[string]struct {
		body    string
		err     error
		partial int
	}{
		"clean end":       {"a\r\n", io.EOF, 0},
		"cut mid-line":    {"a\r\n{\"data", io.EOF, 6},
		"reset mid-line":  {"a\r\n{\"da", boom, 4},
		"cut in long":     {"a\r\n" + strings.Repeat("x", 100<<10), io.EOF, 100 << 10},
		"cut in too long": {"a\r\n" + strings.Repeat("x", 300<<10), io.EOF, 300 << 10},
	} {
		t.Run(name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(tc.body)
			if tc.err != io.EOF {
				r = io.MultiReader(r, iotest.ErrReader(tc.err))
			}
			l := newLineReader(r, 200<<10)
			got, err := readAll(l)
			if len(got) != 1 || got[0] != "a" || err != tc.err || l.partial != tc.partial {
				t.Errorf("lines %q, err %v, partial %d; want partial %d", got, err, l.partial, tc.partial)
			}
		})
	}
}

func TestKeepAlives(t *testing.T) {
	for _, s := range []string{"", " ", "\t", "\r"} {
		if !isKeepAlive([]byte(s)) {
			t.Errorf("%q is a keep-alive", s)
		}
	}
	if isKeepAlive([]byte(`{}`)) {
		t.Error("{} is not a keep-alive")
	}
}
