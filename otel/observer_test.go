package twitterotel_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	twitterotel "github.com/twitterkit/go/otel"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

const route = "GET /2/users/by/username/{username}"

// setup returns a client of a fresh fake that retries at once, waits for rate limits,
// and reports to an in-memory span exporter and a manual metric reader.
func setup(t *testing.T) (*twittertest.Server, *twitter.Client, *tracetest.InMemoryExporter, *sdkmetric.ManualReader) {
	t.Helper()
	// The server's clock is an hour behind the client's, so a 429's reset is already
	// past for the client: its rate-limit wait is reported but takes no time.
	srv := twittertest.Start(t, twittertest.WithClock(twittertest.NewManualClock(time.Now().Add(-time.Hour))))
	spans := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	obs, err := twitterotel.New(twitterotel.WithTracerProvider(tp), twitterotel.WithMeterProvider(mp))
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()),
		twitter.WithHTTPClient(&http.Client{Transport: tr}),
		twitter.WithRetryPolicy(&twitter.Backoff{Initial: time.Millisecond, Max: time.Millisecond, Jitter: -1}),
		twitter.WithRateLimitWait(time.Minute), twitter.WithObserver(obs))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c, spans, reader
}

type event struct {
	Name  string
	Attrs map[attribute.Key]string
}

func attrs(kvs []attribute.KeyValue, keep ...attribute.Key) map[attribute.Key]string {
	m := map[attribute.Key]string{}
	for _, kv := range kvs {
		for _, k := range keep {
			if kv.Key == k {
				m[k] = kv.Value.String()
			}
		}
	}
	return m
}

// A call that meets a 503 and a 429 before it succeeds is one span, with its three
// attempts and two waits as events in order.
func TestOneSpanPerCallWithAttemptsAndWaits(t *testing.T) {
	srv, c, spans, _ := setup(t)
	srv.Inject(route, twittertest.Fault{Kind: twittertest.FaultStatus, Status: 503, Times: 1})
	srv.Inject(route, twittertest.Fault{Kind: twittertest.FaultRateLimit, Times: 1})
	if _, _, err := c.Users.ByUsername(context.Background(), "jack", nil); err != nil {
		t.Fatal(err)
	}
	got := spans.GetSpans()
	if len(got) != 1 {
		t.Fatalf("%d spans, want 1: %v", len(got), got)
	}
	s := got[0]
	if s.Name != route || s.Status.Code == codes.Error {
		t.Errorf("span %q, status %v", s.Name, s.Status)
	}
	if a := attrs(s.Attributes, "twitter.endpoint", "http.request.method", "http.response.status_code", "twitter.attempts"); !cmp.Equal(a, map[attribute.Key]string{
		"twitter.endpoint": route, "http.request.method": "GET", "http.response.status_code": "200", "twitter.attempts": "3",
	}) {
		t.Errorf("span attributes %v", a)
	}
	var evs []event
	for _, e := range s.Events {
		evs = append(evs, event{e.Name, attrs(e.Attributes, "twitter.attempt", "http.response.status_code", "twitter.wait.reason")})
	}
	want := []event{
		{"attempt", map[attribute.Key]string{"twitter.attempt": "1", "http.response.status_code": "503"}},
		{"wait", map[attribute.Key]string{"twitter.attempt": "1", "twitter.wait.reason": "retry"}},
		{"attempt", map[attribute.Key]string{"twitter.attempt": "2", "http.response.status_code": "429"}},
		{"wait", map[attribute.Key]string{"twitter.attempt": "2", "twitter.wait.reason": "rate-limit"}},
		{"attempt", map[attribute.Key]string{"twitter.attempt": "3", "http.response.status_code": "200"}},
	}
	if diff := cmp.Diff(want, evs); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// A failed call's span has an error status and the error recorded.
func TestFailedCallSpan(t *testing.T) {
	srv, c, spans, _ := setup(t)
	srv.Inject(route, twittertest.Fault{Kind: twittertest.FaultStatus, Status: 404, Times: 1})
	_, _, err := c.Users.ByUsername(context.Background(), "jack", nil)
	if err == nil {
		t.Fatal("no error")
	}
	got := spans.GetSpans()
	if len(got) != 1 || got[0].Status.Code != codes.Error || got[0].Status.Description != err.Error() {
		t.Fatalf("spans %v, want one with the error status %q", got, err)
	}
	if n := len(got[0].Events); n != 2 || got[0].Events[1].Name != "exception" {
		t.Errorf("events %v, want the attempt and the recorded error", got[0].Events)
	}
}

// Metrics count calls, attempts and waits, and keep the rate limit left.
func TestMetrics(t *testing.T) {
	srv, c, _, reader := setup(t)
	srv.Inject(route, twittertest.Fault{Kind: twittertest.FaultStatus, Status: 503, Times: 1})
	ctx := context.Background()
	for range 2 {
		if _, _, err := c.Users.ByUsername(ctx, "jack", nil); err != nil {
			t.Fatal(err)
		}
	}
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		t.Fatal(err)
	}
	sums := map[string]int64{} // "name status/reason" -> value
	var remaining []int64
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != twitterotel.ScopeName {
			t.Errorf("scope %q", sm.Scope.Name)
		}
		for _, m := range sm.Metrics {
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, p := range d.DataPoints {
					if ep, _ := p.Attributes.Value("twitter.endpoint"); ep.AsString() != route {
						t.Errorf("%s: endpoint %v", m.Name, ep)
					}
					key := m.Name
					if v, ok := p.Attributes.Value("http.response.status_code"); ok {
						key += " " + v.String()
					}
					if v, ok := p.Attributes.Value("twitter.wait.reason"); ok {
						key += " " + v.String()
					}
					sums[key] += p.Value
				}
			case metricdata.Gauge[int64]:
				for _, p := range d.DataPoints {
					remaining = append(remaining, p.Value)
				}
			case metricdata.Histogram[float64]:
				for _, p := range d.DataPoints {
					sums[m.Name] += int64(p.Count)
				}
			}
		}
	}
	want := map[string]int64{
		"twitter.client.calls 200":     2,
		"twitter.client.attempts 503":  1,
		"twitter.client.attempts 200":  2,
		"twitter.client.waits retry":   1,
		"twitter.client.call.duration": 2,
		"twitter.client.wait.duration": 1,
	}
	if diff := cmp.Diff(want, sums); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if len(remaining) != 1 || remaining[0] <= 0 {
		t.Errorf("rate limit remaining %v, want one positive value", remaining)
	}
}
