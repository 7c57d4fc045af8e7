// Package twitterotel reports the calls of a twitter.Client to OpenTelemetry: one span per
// logical call, with each attempt and each wait (a retry's backoff, a rate-limit reset)
// as an event of it, and metrics of calls, attempts, waits, stream reconnects and the
// rate limit left.
//
//	obs, err := twitterotel.New() // the global TracerProvider and MeterProvider
//	c, err := twitter.NewClient(twitter.WithBearerToken(token), twitter.WithObserver(obs))
//
// It is a module of its own, so that package twitter does not depend on OpenTelemetry.
package twitterotel

import (
	"context"
	"strings"

	"github.com/twitterkit/go/twitter"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of the spans and metrics.
const ScopeName = "github.com/twitterkit/go/otel"

// Attribute keys the spans and metrics carry, beside the semantic conventions'
// http.request.method and http.response.status_code.
const (
	EndpointKey   = attribute.Key("twitter.endpoint")    // "GET /2/users/{id}"
	AttemptKey    = attribute.Key("twitter.attempt")     // the attempt's number, from 1
	AttemptsKey   = attribute.Key("twitter.attempts")    // a call's number of attempts
	WaitReasonKey = attribute.Key("twitter.wait.reason") // "retry" or "rate-limit"
	WaitKey       = attribute.Key("twitter.wait.seconds")
	RemainingKey  = attribute.Key("twitter.rate_limit.remaining")
	CauseKey      = attribute.Key("twitter.stream.cause") // why a stream reconnects
	methodKey     = attribute.Key("http.request.method")
	statusKey     = attribute.Key("http.response.status_code")
	errorTypeKey  = attribute.Key("error.type")
)

// Observer is a twitter.Observer that records to OpenTelemetry. It is safe for
// concurrent use by any number of Clients.
type Observer struct {
	tracer     trace.Tracer
	calls      metric.Int64Counter
	attempts   metric.Int64Counter
	waits      metric.Int64Counter
	reconnects metric.Int64Counter
	duration   metric.Float64Histogram
	waited     metric.Float64Histogram
	remaining  metric.Int64Gauge
}

var _ twitter.Observer = (*Observer)(nil)

// Option configures New.
type Option func(*config)

type config struct {
	tp trace.TracerProvider
	mp metric.MeterProvider
}

// WithTracerProvider sets where spans go; the default is otel.GetTracerProvider().
func WithTracerProvider(tp trace.TracerProvider) Option { return func(c *config) { c.tp = tp } }

// WithMeterProvider sets where metrics go; the default is otel.GetMeterProvider().
func WithMeterProvider(mp metric.MeterProvider) Option { return func(c *config) { c.mp = mp } }

// New returns an Observer recording to the given providers (the global ones by default).
// It fails only if an instrument cannot be created.
func New(opts ...Option) (*Observer, error) {
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.tp == nil {
		cfg.tp = otel.GetTracerProvider()
	}
	if cfg.mp == nil {
		cfg.mp = otel.GetMeterProvider()
	}
	m := cfg.mp.Meter(ScopeName)
	o := &Observer{tracer: cfg.tp.Tracer(ScopeName)}
	var err error
	counter := func(name, desc, unit string) metric.Int64Counter {
		var c metric.Int64Counter
		if err == nil {
			c, err = m.Int64Counter(name, metric.WithDescription(desc), metric.WithUnit(unit))
		}
		return c
	}
	o.calls = counter("twitter.client.calls", "Logical calls made, by endpoint and final status.", "{call}")
	o.attempts = counter("twitter.client.attempts", "Requests sent, retries included, by endpoint and status.", "{attempt}")
	o.waits = counter("twitter.client.waits", "Waits before another attempt, by endpoint and reason.", "{wait}")
	o.reconnects = counter("twitter.stream.reconnects", "Stream reconnections, by endpoint and cause.", "{reconnect}")
	if err == nil {
		o.duration, err = m.Float64Histogram("twitter.client.call.duration",
			metric.WithDescription("The time of a logical call, waits included."), metric.WithUnit("s"))
	}
	if err == nil {
		o.waited, err = m.Float64Histogram("twitter.client.wait.duration",
			metric.WithDescription("The length of waits before another attempt."), metric.WithUnit("s"))
	}
	if err == nil {
		o.remaining, err = m.Int64Gauge("twitter.client.rate_limit.remaining",
			metric.WithDescription("Requests left in the endpoint's rate-limit window, as last reported."), metric.WithUnit("{request}"))
	}
	if err != nil {
		return nil, err
	}
	return o, nil
}

// method is the HTTP method of an endpoint ("GET /2/users/{id}" -> "GET").
func method(endpoint string) string {
	m, _, _ := strings.Cut(endpoint, " ")
	return m
}

// StartCall starts the call's span, named after its endpoint, and returns its context.
func (o *Observer) StartCall(ctx context.Context, ev twitter.CallStart) context.Context {
	ctx, _ = o.tracer.Start(ctx, ev.Endpoint,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithTimestamp(ev.At),
		trace.WithAttributes(EndpointKey.String(ev.Endpoint), methodKey.String(method(ev.Endpoint))))
	return ctx
}

// EndAttempt adds an "attempt" event to the call's span and counts the attempt.
func (o *Observer) EndAttempt(ctx context.Context, ev twitter.Attempt) {
	attrs := []attribute.KeyValue{AttemptKey.Int(ev.Number), statusKey.Int(ev.StatusCode)}
	if ev.RateLimit.Known() {
		attrs = append(attrs, RemainingKey.Int(ev.RateLimit.Remaining))
	}
	if ev.Err != nil {
		attrs = append(attrs, attribute.String("exception.message", ev.Err.Error()))
	}
	trace.SpanFromContext(ctx).AddEvent("attempt", trace.WithAttributes(attrs...))
	ep := EndpointKey.String(ev.Endpoint)
	o.attempts.Add(ctx, 1, metric.WithAttributes(ep, statusKey.Int(ev.StatusCode)))
	if ev.RateLimit.Known() {
		o.remaining.Record(ctx, int64(ev.RateLimit.Remaining), metric.WithAttributes(ep))
	}
}

// StartWait adds a "wait" event to the call's span and counts the wait.
func (o *Observer) StartWait(ctx context.Context, ev twitter.Wait) {
	reason := WaitReasonKey.String(ev.Reason.String())
	trace.SpanFromContext(ctx).AddEvent("wait", trace.WithAttributes(
		AttemptKey.Int(ev.Attempt), reason, WaitKey.Float64(ev.Duration.Seconds())))
	ep := EndpointKey.String(ev.Endpoint)
	o.waits.Add(ctx, 1, metric.WithAttributes(ep, reason))
	o.waited.Record(ctx, ev.Duration.Seconds(), metric.WithAttributes(ep, reason))
}

// EndCall ends the call's span, with an error status when the call failed, and counts
// the call.
func (o *Observer) EndCall(ctx context.Context, ev twitter.CallEnd) {
	span := trace.SpanFromContext(ctx)
	attrs := []attribute.KeyValue{EndpointKey.String(ev.Endpoint), statusKey.Int(ev.StatusCode)}
	if ev.Err != nil {
		kind := "network"
		if ev.StatusCode != 0 {
			kind = "http"
		}
		attrs = append(attrs, errorTypeKey.String(kind))
		span.RecordError(ev.Err)
		span.SetStatus(codes.Error, ev.Err.Error())
	}
	span.SetAttributes(statusKey.Int(ev.StatusCode), AttemptsKey.Int(ev.Attempts))
	span.End()
	o.calls.Add(ctx, 1, metric.WithAttributes(attrs...))
	o.duration.Record(ctx, ev.Duration.Seconds(), metric.WithAttributes(attrs...))
}

// Reconnect counts a stream reconnection and adds a "reconnect" event to the span of the
// stream's context, if it has one.
func (o *Observer) Reconnect(ctx context.Context, ev twitter.StreamReconnect) {
	cause := CauseKey.String(ev.Event.Cause.String())
	trace.SpanFromContext(ctx).AddEvent("reconnect", trace.WithAttributes(
		cause, AttemptKey.Int(ev.Event.Attempt), WaitKey.Float64(ev.Event.Wait.Seconds())))
	o.reconnects.Add(ctx, 1, metric.WithAttributes(EndpointKey.String(ev.Endpoint), cause))
}
