package twitter

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/internal/testserver"
)

func TestE2EPKCEFlowWithRefreshRotation(t *testing.T) {
	s, clk := e2e(t)
	oc := s.OAuth2Client()
	cfg := &OAuth2Config{
		ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes:       []Scope{ScopeTweetRead, ScopeUsersRead, ScopeFollowsWrite, ScopeOfflineAccess},
		AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL,
		HTTPClient: &http.Client{Transport: &http.Transport{}},
	}
	t.Cleanup(cfg.HTTPClient.CloseIdleConnections)
	ctx := context.Background()

	// authorize -> redirect -> exchange
	state := NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		t.Fatal(err)
	}
	callback := authorizeE2E(t, authURL)
	tok, err := cfg.ExchangeCallback(ctx, callback, state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken == "" || tok.Expiry.IsZero() {
		t.Fatalf("token without refresh token or expiry: expires_in %d", tok.ExpiresIn)
	}

	// call
	var saved savedTokens
	c := e2eClient(t, s, clk, WithOAuth2Token(cfg, tok, OnTokenRefresh(saved.save)))
	lookupJack(t, c)
	if _, _, err := c.Users.Follow(ctx, testserver.JackID, testserver.DaveID); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(s.World().FollowingIDs(testserver.JackID), testserver.DaveID) {
		t.Error("the follow did not happen")
	}

	// refresh (rotation) -> call, twice
	for i := range 2 {
		clk.Advance(2*time.Hour + time.Second)
		lookupJack(t, c)
		if got := len(saved.all()); got != i+1 {
			t.Fatalf("after expiry %d: %d tokens saved", i+1, got)
		}
	}
	s1, s2 := saved.all()[0], saved.all()[1]
	if s1.RefreshToken == tok.RefreshToken || s2.RefreshToken == s1.RefreshToken {
		t.Error("refresh tokens were not rotated")
	}
	// The rotated-away refresh tokens are dead; the saved one works.
	if _, err := cfg.Refresh(ctx, tok.RefreshToken); !IsReauthorizationRequired(err) {
		t.Errorf("first refresh token after rotation: %v", err)
	}
	if _, err := cfg.Refresh(ctx, s2.RefreshToken); err != nil {
		t.Errorf("last saved refresh token: %v", err)
	}

	// A client holding a spent refresh token: the user must authorize again.
	stale := e2eClient(t, s, clk, WithOAuth2Token(cfg, &oauth2.Token{AccessToken: "expired", RefreshToken: s1.RefreshToken, Expiry: clk.Now().Add(-time.Minute)}))
	if _, _, err := stale.Users.ByUsername(ctx, "jack", nil); !IsReauthorizationRequired(err) {
		t.Errorf("spent refresh token: %v", err)
	}
}

func TestE2EUserTokenRevokedRefreshesOnce(t *testing.T) {
	s, clk := e2e(t)
	oc := s.OAuth2Client()
	cfg := &OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes: []Scope{ScopeTweetRead, ScopeUsersRead, ScopeOfflineAccess}, AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL,
		HTTPClient: &http.Client{Transport: &http.Transport{}}}
	t.Cleanup(cfg.HTTPClient.CloseIdleConnections)
	state := NewState()
	authURL, verifier, _ := cfg.AuthCodeURL(state)
	tok, err := cfg.ExchangeCallback(context.Background(), authorizeE2E(t, authURL), state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	var saved savedTokens
	c := e2eClient(t, s, clk, WithOAuth2Token(cfg, tok, OnTokenRefresh(saved.save)))
	s.RevokeToken(tok.AccessToken) // still unexpired: only the 401 tells
	lookupJack(t, c)
	if len(saved.all()) != 1 {
		t.Errorf("%d tokens saved after the 401, want 1", len(saved.all()))
	}
}
