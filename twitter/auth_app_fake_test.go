package twitter

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
)

func TestE2EAppBearerToken(t *testing.T) {
	s, clk := e2e(t)
	lookupJack(t, e2eClient(t, s, clk, WithBearerToken(s.AppBearerToken())))
	_, _, err := e2eClient(t, s, clk, WithBearerToken("not-a-token")).Users.ByUsername(context.Background(), "jack", nil)
	if !IsUnauthorized(err) {
		t.Errorf("wrong bearer token: %v", err)
	}
}

func TestE2EAppCredentials(t *testing.T) {
	s, clk := e2e(t)
	key, secret := s.AppCredentials()
	c := e2eClient(t, s, clk, WithAppCredentials(key, secret))
	lookupJack(t, c)
	lookupJack(t, c)
	// App-only tokens cannot act for a user: X's unsupported-authentication 403.
	_, _, err := c.Users.Follow(context.Background(), testserver.JackID, testserver.AliceID)
	if !IsForbidden(err) || !IsUnsupportedAuthentication(err) {
		t.Errorf("follow with an app token: %v", err)
	}

	_, _, err = e2eClient(t, s, clk, WithAppCredentials(key, "wrong-secret")).Users.ByUsername(context.Background(), "jack", nil)
	var tokErr *TokenError
	if !errors.As(err, &tokErr) || tokErr.StatusCode != http.StatusForbidden || tokErr.Code != "99" {
		t.Errorf("wrong secret: %v", err)
	}
	for verb, str := range printings(err) {
		assertNoSecrets(t, "error printed with "+verb, str, secret, "wrong-secret")
	}
}
