package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Users' public keys for encrypted chat (XChat). X's chat SDK generates a user's key pairs
// on their device, keeps the private halves there (or in its passcode-protected backup),
// and registers the public halves here, so that others can encrypt conversation keys to
// the user and check the user's signatures. The keys and signatures are the SDK's own
// encodings: this client passes them through and never reads or checks them.

// PublicKeyOptions selects the fields of public key records; none means X's defaults.
type PublicKeyOptions struct {
	// PublicKeyFields: public_key_version, public_key, signing_public_key,
	// identity_public_key_signature, juicebox_config (what X's chat SDK needs to recover
	// the private keys from its backup).
	PublicKeyFields []gen.PublicKeyField
}

func (o *PublicKeyOptions) params(method string) (*gen.PublicKeyFields, error) {
	if o == nil {
		return nil, nil
	}
	return optSet(method, "PublicKeyFields", o.PublicKeyFields)
}

// PublicKeys returns the chat public keys userID registered, one record per key version.
// A user who never set up encrypted chat has none: that is a not-found error (IsNotFound).
// Needs a user context (OAuth 2.0 scopes dm.read, tweet.read, users.read, or OAuth 1.0a).
func (s *UsersService) PublicKeys(ctx context.Context, userID string, opts *PublicKeyOptions) (*gen.PublicKeysResponse, *Response, error) {
	const method = "Users.PublicKeys"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	var p gen.LookupUserPublicKeysParams
	var err error
	if p.PublicKeyFields, err = opts.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupUserPublicKeys, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUserPublicKeys(ctx, userID, &p)
	})
}

// LookupPublicKeys returns the chat public keys of 1 to 100 users in one call. Users
// without keys are not an error: they are listed in Response.PartialErrors. X's records
// do not name their owner, so when it matters whose key is whose, call PublicKeys per
// user. Needs a user context (OAuth 2.0 scopes dm.read, tweet.read, users.read, or OAuth
// 1.0a).
func (s *UsersService) LookupPublicKeys(ctx context.Context, userIDs []string, opts *PublicKeyOptions) (*gen.PublicKeysResponse, *Response, error) {
	const method = "Users.LookupPublicKeys"
	if err := checkIDs(method, "user id", patternUserID, maxItemsLookupUsersPublicKeysIds, userIDs); err != nil {
		return nil, nil, err
	}
	p := gen.LookupUsersPublicKeysParams{Ids: userIDs}
	var err error
	if p.PublicKeyFields, err = opts.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupUsersPublicKeys, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUsersPublicKeys(ctx, &p)
	})
}

// AddPublicKey registers a new version of userID's chat public keys; userID must be the
// authenticated user. req is what X's chat SDK returns when it generates the key pairs
// (its registration: the public key, signing key, their signatures and fingerprint, and
// the version), passed on as it is. With GenerateVersion X picks the next free version
// and says which in Data.PublicKeyVersion. Data.JuiceboxConfig is the configuration of
// the SDK's key backup. A version already registered is refused. Not retried unless
// WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes dm.write, tweet.read,
// users.read, or OAuth 1.0a).
func (s *UsersService) AddPublicKey(ctx context.Context, userID string, req gen.PublicKeyAddRequest) (*gen.PublicKeyAddResponse, *Response, error) {
	const method = "Users.AddPublicKey"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	switch {
	case req.Version == "":
		return nil, nil, invalid(method, "empty Version (X asks for one even with GenerateVersion)")
	case req.PublicKey.PublicKey == "" || req.PublicKey.SigningPublicKey == "":
		return nil, nil, invalid(method, "PublicKey needs the identity PublicKey and the SigningPublicKey X's chat SDK generated")
	}
	return do(ctx, s.client, &opAddUserPublicKey, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.AddUserPublicKey(ctx, userID, req)
	})
}
