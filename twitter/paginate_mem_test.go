package twitter

import (
	"context"
	"runtime"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
)

// The memory of an iteration is one page: paging 100,000 followers must not hold them.

const manyFollowers = 100_000

func manyFollowersServer(tb testing.TB) *testserver.Server {
	return testserver.Start(tb, testserver.WithFollowers(testserver.JackID, manyFollowers),
		testserver.WithoutResponseValidation(), testserver.WithoutRateLimits())
}

// heapInUse is the live heap after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestFollowersIterMemoryIsFlat(t *testing.T) {
	s := manyFollowersServer(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()

	base := heapInUse()
	var peak uint64
	n := 0
	var last string
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, nil, nil) {
		if err != nil {
			t.Fatalf("after %d followers: %v", n, err)
		}
		n++
		last = u.ID
		if n%10_000 == 0 {
			peak = max(peak, heapInUse())
		}
	}
	after := heapInUse()
	if n != manyFollowers {
		t.Fatalf("iterated %d followers, want %d", n, manyFollowers)
	}
	if want := s.World().FollowerIDs(testserver.JackID)[manyFollowers-1]; last != want {
		t.Errorf("last follower %s, want %s", last, want)
	}
	growth := int64(peak) - int64(base)
	t.Logf("heap: %d KiB before, peak %d KiB during, %d KiB after", base>>10, peak>>10, after>>10)
	// One page of 1000 users is a few hundred KiB decoded; holding all 100,000 would be
	// tens of MiB. 8 MiB allows for the runtime, the transport and the server.
	const bound = 8 << 20
	if growth > bound {
		t.Errorf("the heap grew by %d KiB while iterating, more than %d KiB: pages are being held", growth>>10, bound>>10)
	}
	if retained := int64(after) - int64(base); retained > 2<<20 {
		t.Errorf("%d KiB still in use after the iteration", retained>>10)
	}
}

// BenchmarkFollowersIter100k pages through 100,000 followers, 1000 a page, against the fake
// X API in the same process (so its work is in the numbers too). Run with -benchmem:
// allocations per follower are reported as allocs/follower.
func BenchmarkFollowersIter100k(b *testing.B) {
	s := manyFollowersServer(b)
	c, _ := iterClient(b, s, s.AppBearerToken())
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range c.Users.FollowersIter(ctx, testserver.JackID, nil, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != manyFollowers {
			b.Fatalf("%d followers", n)
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MiB-heap-in-use")
}
