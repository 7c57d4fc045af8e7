package twitter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

// WithBearerToken authenticates as an app with an app-only OAuth 2.0 bearer token, as
// shown in the developer portal.
func WithBearerToken(token string) Option {
	return func(c *config) error {
		if err := checkSecret("WithBearerToken", "token", token); err != nil {
			return err
		}
		return c.setAuth("WithBearerToken", bearerAuth{token: newSecret(token), header: newSecret("Bearer " + token)})
	}
}

// bearerAuth sends a fixed bearer token; header is the Authorization header's value,
// built once.
type bearerAuth struct{ token, header secret }

func (a bearerAuth) name() string { return "app-only bearer token" }

func (a bearerAuth) wrap(next http.RoundTripper, _ authEnv) http.RoundTripper {
	return roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		h := a.authorization()
		if v := r.Header["Authorization"]; len(v) == 1 && v[0] == h {
			return next.RoundTrip(r) // authorized already (Client.prepareRequest)
		}
		r2 := r.Clone(r.Context())
		r2.Header.Set("Authorization", h)
		return next.RoundTrip(r2)
	})
}

// authorization is the header value: the same on every request.
func (a bearerAuth) authorization() string { return a.header.reveal() }

// String keeps the token out of %v.
func (a bearerAuth) String() string { return "bearerAuth{token: REDACTED}" }

// Format prints String for every verb, %#v included.
func (a bearerAuth) Format(f fmt.State, _ rune) { fmt.Fprint(f, a.String()) }

// LogValue keeps the token out of logs.
func (a bearerAuth) LogValue() slog.Value { return slog.StringValue(a.String()) }

// WithAppCredentials authenticates as an app with its consumer key and secret (the "API
// Key and Secret" of the developer portal). The client exchanges them for an app-only
// bearer token (POST /oauth2/token, grant_type=client_credentials) on its first request,
// caches it, and fetches it again once if the API answers 401 because the token was
// invalidated. Concurrent first requests share one fetch.
//
// The token endpoint is {base URL}/oauth2/token, so WithBaseURL moves it along with the
// API; WithAppTokenURL sets it apart.
func WithAppCredentials(consumerKey, consumerSecret string) Option {
	return func(c *config) error {
		if err := checkSecrets("WithAppCredentials", "consumer key", consumerKey, "consumer secret", consumerSecret); err != nil {
			return err
		}
		return c.setAuth("WithAppCredentials", &appAuth{key: newSecret(consumerKey), secret: newSecret(consumerSecret)})
	}
}

// WithAppTokenURL sets the endpoint WithAppCredentials fetches its token from, for a host
// that does not serve it at {base URL}/oauth2/token. It needs WithAppCredentials.
func WithAppTokenURL(rawURL string) Option {
	return func(c *config) error {
		if err := checkAbsoluteURL(rawURL); err != nil {
			return fmt.Errorf("WithAppTokenURL: %w", err)
		}
		c.appTokenURL = rawURL
		return nil
	}
}

// checkAuth rejects combinations of auth options that cannot work together.
func (c *config) checkAuth() error {
	if _, ok := c.auth.(*appAuth); c.appTokenURL != "" && !ok {
		return errors.New("WithAppTokenURL needs WithAppCredentials")
	}
	return nil
}

// appAuth fetches an app-only bearer token with the consumer key and secret.
type appAuth struct{ key, secret secret }

func (a *appAuth) name() string { return "app-only (consumer key and secret)" }

func (a *appAuth) wrap(next http.RoundTripper, env authEnv) http.RoundTripper {
	tokenURL := env.appTokenURL
	if tokenURL == "" {
		tokenURL = env.baseURL.JoinPath("oauth2", "token").String()
	}
	ep := tokenEndpoint{url: tokenURL, hc: env.tokenClient, now: env.now, clientID: a.key, clientSecret: a.secret, dec: env.decoder}
	cache := &tokenCache{
		// X's app-only tokens do not expire; they are replaced only when invalidated,
		// which the API reports with a 401.
		usable: func(t *oauth2.Token) bool { return t.AccessToken != "" },
		fetch: func(ctx context.Context, _ *oauth2.Token, forced bool) (*oauth2.Token, error) {
			tok, err := ep.post(ctx, url.Values{"grant_type": {"client_credentials"}})
			if err != nil {
				return nil, err
			}
			env.logger.LogAttrs(ctx, slog.LevelInfo, "twitter: fetched an app-only bearer token",
				slog.String("url", tokenURL), slog.Bool("after_401", forced))
			return tok, nil
		},
	}
	return &tokenTransport{next: next, src: cache, logger: env.logger}
}

// String keeps the consumer secret out of %v.
func (a *appAuth) String() string { return "appAuth{key: REDACTED, secret: REDACTED}" }

// Format prints String for every verb, %#v included.
func (a *appAuth) Format(f fmt.State, _ rune) { fmt.Fprint(f, a.String()) }

// LogValue keeps the credentials out of logs.
func (a *appAuth) LogValue() slog.Value { return slog.StringValue(a.String()) }

// checkAbsoluteURL accepts an absolute http or https URL.
func checkAbsoluteURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) URL", redactURL(rawURL))
	}
	return nil
}
