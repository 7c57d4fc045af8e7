package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// Against the fake X API the example registers its webhook (which answers the fake's
// check), receives bio changes and follows as signed deliveries, and undoes what it made.
func TestWebhookAgainstTheFakeServer(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, &out, func(string) string { return "" }, "", nil, 3); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"(valid: true)",
		"4 subscriptions deliver to it",
		`profile.update.bio: "Writes Go. #golang" -> "Writes Go, day 1"`,
		"follow.follow: @bob followed @carol",
		"ended 4 subscriptions",
		"deleted webhook",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// Outside the fake, what the program cannot do without is asked for by name.
func TestWebhookNamesWhatIsMissing(t *testing.T) {
	env := map[string]string{"TWITTER_BEARER_TOKEN": "t"}
	err := run(context.Background(), new(bytes.Buffer), func(k string) string { return env[k] }, "127.0.0.1:0", []string{"12"}, 1)
	if err == nil || !strings.Contains(err.Error(), "TWITTER_CONSUMER_SECRET") {
		t.Errorf("without a secret: %v", err)
	}
	env["TWITTER_CONSUMER_SECRET"] = "s"
	err = run(context.Background(), new(bytes.Buffer), func(k string) string { return env[k] }, "127.0.0.1:0", []string{"12"}, 1)
	if err == nil || !strings.Contains(err.Error(), "WEBHOOK_URL") {
		t.Errorf("without a URL: %v", err)
	}
	err = run(context.Background(), new(bytes.Buffer), func(k string) string { return env[k] }, "127.0.0.1:0", nil, 1)
	if err == nil || !strings.Contains(err.Error(), "user id") {
		t.Errorf("without users: %v", err)
	}
}
