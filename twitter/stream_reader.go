package twitter

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// ErrLineTooLong is the Err of a LineError for a line longer than
// StreamOptions.MaxLineSize. The line is skipped; the stream goes on after it.
var ErrLineTooLong = errors.New("line longer than the stream's MaxLineSize")

// LineError is a stream line that could not be delivered as a Message: it was not JSON
// of the line shape, it had neither data nor errors, or it was longer than
// StreamOptions.MaxLineSize. It is not final: the stream goes on after it.
type LineError struct {
	// Endpoint is the stream, as "GET /2/tweets/search/stream".
	Endpoint string
	// Size is the length of the line in bytes, without its line ending.
	Size int
	// Excerpt is the start of the line (empty for a line too long to keep).
	Excerpt string
	// Err is the decoding error, or ErrLineTooLong.
	Err error
}

func (e *LineError) Error() string {
	if e.Excerpt == "" {
		return fmt.Sprintf("twitter: %s: stream line of %d bytes: %v", e.Endpoint, e.Size, e.Err)
	}
	return fmt.Sprintf("twitter: %s: stream line of %d bytes: %v (line starts %q)", e.Endpoint, e.Size, e.Err, e.Excerpt)
}

func (e *LineError) Unwrap() error { return e.Err }

// lineTooLong reports a line that was read to its end and thrown away.
type lineTooLong struct{ size int }

func (e *lineTooLong) Error() string {
	return fmt.Sprintf("line of %d bytes: %v", e.size, ErrLineTooLong)
}
func (e *lineTooLong) Unwrap() error { return ErrLineTooLong }

// lineReader splits a stream body into lines. X ends each line with "\r\n"; a bare "\n"
// is accepted too. A line may arrive over any number of reads and may be far larger than
// the read buffer, up to max bytes; a longer one is read to its end, dropped and reported
// (memory stays bounded by max). Every byte of the body is in exactly one line, so within
// one connection no line is lost or returned twice.
type lineReader struct {
	r    *bufio.Reader
	max  int
	long []byte // a line spanning more than one buffer, gathered here
	// partial is the length of the unterminated line the body ended in, when next
	// returned an error (0 when the body ended between lines).
	partial int
}

const lineBufferSize = 64 << 10

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, lineBufferSize), max: max}
}

// next returns the next line without its line ending; an empty line is a keep-alive.
// The slice is valid until the next call. It returns a *lineTooLong for an oversized
// line (the reader can go on), and otherwise the body's error (io.EOF at its end).
func (l *lineReader) next() ([]byte, error) {
	if cap(l.long) > 4*lineBufferSize {
		l.long = nil // do not keep a huge buffer after one huge line
	}
	l.long = l.long[:0]
	for {
		frag, err := l.r.ReadSlice('\n')
		switch {
		case err == nil:
			line := frag
			if len(l.long) > 0 {
				l.long = append(l.long, frag...)
				line = l.long
			}
			line = trimEOL(line)
			if len(line) > l.max {
				return nil, &lineTooLong{size: len(line)}
			}
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			if len(l.long)+len(frag) > l.max+2 { // +2: the line ending may be all that is left
				return nil, l.skip(len(l.long) + len(frag))
			}
			l.long = append(l.long, frag...)
		default:
			l.partial = len(l.long) + len(frag)
			return nil, err
		}
	}
}

// skip discards the rest of an oversized line of which n bytes were read.
func (l *lineReader) skip(n int) error {
	l.long = l.long[:0]
	for {
		frag, err := l.r.ReadSlice('\n')
		n += len(frag)
		switch {
		case err == nil:
			return &lineTooLong{size: n - (len(frag) - len(trimEOL(frag)))}
		case errors.Is(err, bufio.ErrBufferFull):
		default:
			l.partial = n
			return err
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}

// isKeepAlive reports whether a line is a keep-alive: empty, or only whitespace.
func isKeepAlive(line []byte) bool {
	return len(line) == 0 || len(bytes.TrimSpace(line)) == 0
}

// watchdog cancels a connection when the server leaves one wait (for the response
// headers, or for one Read of the body) unanswered for longer than timeout. It runs only
// while a wait is under way: a stream blocked on a slow consumer is not reading, and is
// not a stall.
type watchdog struct {
	timeout time.Duration
	t       timer
	fired   atomic.Bool
}

// timer is the part of *time.Timer a watchdog uses; tests replace time.AfterFunc to
// fire stalls on cue.
type timer interface {
	Reset(time.Duration) bool
	Stop() bool
}

// afterFunc starts a timer that calls f after d, as time.AfterFunc.
type afterFunc func(d time.Duration, f func()) timer

func realAfterFunc(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }

// newWatchdog returns a watchdog that is armed: cancel runs unless disarm comes within
// timeout.
func newWatchdog(start afterFunc, timeout time.Duration, cancel func()) *watchdog {
	w := &watchdog{timeout: timeout}
	w.t = start(timeout, func() {
		w.fired.Store(true)
		cancel()
	})
	return w
}

func (w *watchdog) arm()    { w.t.Reset(w.timeout) }
func (w *watchdog) disarm() { w.t.Stop() }

// watchedBody is a body whose every Read is guarded by the watchdog.
type watchedBody struct {
	r io.Reader
	w *watchdog
}

func (b watchedBody) Read(p []byte) (int, error) {
	b.w.arm()
	n, err := b.r.Read(p)
	b.w.disarm()
	return n, err
}
