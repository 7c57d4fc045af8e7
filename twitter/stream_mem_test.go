package twitter

import (
	"context"
	"testing"
)

// A consumer's heap does not grow with the Tweets it has read: the stream keeps none of
// them (nor their lines) once Next has handed them over.
func TestStreamHeapIsFlat(t *testing.T) {
	srv := streamServer(t, realShapedLines(t, 64))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := benchClient(t, srv.URL).Stream.Filtered(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	read := func(n int) {
		t.Helper()
		for i := range n {
			if m, err := s.Next(ctx); err != nil || m.Tweet == nil || m.Tweet.Data.ID == "" {
				t.Fatalf("message %d: %v", i, err)
			}
		}
	}
	read(1000) // buffers, connection and decoder caches reach their size
	before := heapInUse()
	const more = 10_000
	read(more)
	after := heapInUse()
	// Each Tweet decodes to several KiB with its includes: holding 10,000 would be tens
	// of MiB. 2 MiB allows for the runtime and the server.
	if growth := int64(after) - int64(before); growth > 2<<20 {
		t.Errorf("the heap grew by %d KiB over %d Tweets: the stream holds what it delivered", growth>>10, more)
	}
}
