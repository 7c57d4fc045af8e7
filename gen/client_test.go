package gen_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/twitterkit/go/gen"
)

// The generated client's methods build requests their own way (gen/templates/client.tmpl):
// with the Server kept parsed and the context given at once. These tests hold them to the
// exported builders.

// recorder answers nothing and keeps the request it was asked to send.
type recorder struct{ got *http.Request }

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	r.got = req
	return &http.Response{StatusCode: http.StatusNoContent, Body: http.NoBody, Request: req}, nil
}

type ctxKey struct{}

// TestGeneratedClientBuildsWithItsServer holds the generated client's methods to its
// exported builders: the same URL, the caller's context, and a changed Server taken up,
// whether the Client came from NewClient (which keeps Server parsed) or was written out.
func TestGeneratedClientBuildsWithItsServer(t *testing.T) {
	fields := gen.LookupUserByUsernameParams{UserFields: &gen.UserFields{"created_at", "public_metrics"}}
	rec := &recorder{}
	made, err := gen.NewClient("https://api.x.com", gen.WithHTTPClient(rec))
	if err != nil {
		t.Fatal(err)
	}
	literal := &gen.Client{Server: "https://api.x.com/", Client: rec}
	ctx := context.WithValue(context.Background(), ctxKey{}, "mine")
	for _, c := range []*gen.Client{made, literal} {
		for _, server := range []string{"https://api.x.com/", "http://127.0.0.1:8080/base/", "https://api.x.com/"} {
			c.Server = server
			if _, err := c.LookupUserByUsername(ctx, "XDevelopers", &fields); err != nil {
				t.Fatal(err)
			}
			want, err := gen.NewLookupUserByUsernameRequest(server, "XDevelopers", &fields)
			if err != nil {
				t.Fatal(err)
			}
			if got := rec.got.URL.String(); got != want.URL.String() {
				t.Errorf("Server %s: the method sent %s, the builder gives %s", server, got, want.URL)
			}
			if rec.got.Host != want.Host || rec.got.Method != want.Method {
				t.Errorf("Server %s: sent %s %s, the builder gives %s %s", server, rec.got.Method, rec.got.Host, want.Method, want.Host)
			}
			if rec.got.Context().Value(ctxKey{}) != "mine" {
				t.Errorf("Server %s: the request does not carry the caller's context", server)
			}
		}
	}
	if want := "https://api.x.com/2/users/by/username/XDevelopers?user.fields=created_at,public_metrics"; rec.got.URL.String() != want {
		t.Errorf("sent %s, want %s", rec.got.URL, want)
	}
	literal.Server = "http://[::1"
	if _, err := literal.LookupUserByUsername(ctx, "XDevelopers", nil); err == nil {
		t.Error("a Server that does not parse gave no error")
	}
}

// TestGeneratedBodyBuilders: an operation with a JSON body builds the same way, and its
// body and content type arrive.
func TestGeneratedBodyBuilders(t *testing.T) {
	rec := &recorder{}
	c, err := gen.NewClient("https://api.x.com/", gen.WithHTTPClient(rec))
	if err != nil {
		t.Fatal(err)
	}
	body := gen.CreateChatGroupJSONRequestBody{ConversationID: "g1"}
	if _, err := c.CreateChatGroup(context.Background(), body); err != nil {
		t.Fatal(err)
	}
	want, err := gen.NewCreateChatGroupRequest("https://api.x.com/", body)
	if err != nil {
		t.Fatal(err)
	}
	if rec.got.URL.String() != want.URL.String() || rec.got.Header.Get("Content-Type") != "application/json" || rec.got.ContentLength != want.ContentLength {
		t.Errorf("sent %s %q %d, the builder gives %s %q %d", rec.got.URL, rec.got.Header.Get("Content-Type"), rec.got.ContentLength,
			want.URL, want.Header.Get("Content-Type"), want.ContentLength)
	}
}
