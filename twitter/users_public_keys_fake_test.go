package twitter_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeUsersPublicKeys(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	keys, _, err := alice.Users.PublicKeys(ctx, testserver.BobID, &twitter.PublicKeyOptions{PublicKeyFields: []gen.PublicKeyField{
		gen.PublicKeyFieldPublicKeyVersion, gen.PublicKeyFieldSigningPublicKey, gen.PublicKeyFieldJuiceboxConfig}})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys.Data) != 2 || keys.Data[0].PublicKeyVersion != "2" || keys.Data[0].SigningPublicKey != testserver.SeedPublicKey(testserver.BobID, "signing 2") {
		t.Errorf("Bob's keys: %+v", keys.Data)
	}
	// The backup configuration comes as the JSON X sent, for X's chat SDK.
	var cfg struct {
		RecoverThreshold int `json:"recover_threshold"`
	}
	if err := json.Unmarshal(keys.Data[0].JuiceboxConfig, &cfg); err != nil || cfg.RecoverThreshold != 2 {
		t.Errorf("juicebox_config %s: %v", keys.Data[0].JuiceboxConfig, err)
	}

	// Carol never set up chat: not found.
	if _, _, err := alice.Users.PublicKeys(ctx, testserver.CarolID, nil); !twitter.IsNotFound(err) {
		t.Errorf("Carol: %v", err)
	}
	_, _, err = userClient(t, s, testserver.AliceID, "users.read", "tweet.read").Users.PublicKeys(ctx, testserver.BobID, nil)
	wantError(t, err, 403, "")
	for name, opts := range map[string]*twitter.PublicKeyOptions{
		"unknown field": {PublicKeyFields: []gen.PublicKeyField{"version"}},
		"twice":         {PublicKeyFields: []gen.PublicKeyField{gen.PublicKeyFieldPublicKey, gen.PublicKeyFieldPublicKey}},
	} {
		if _, _, err := alice.Users.PublicKeys(ctx, testserver.BobID, opts); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, _, err := alice.Users.PublicKeys(ctx, "@bob", nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("bad id: %v", err)
	}
}

func TestFakeUsersLookupPublicKeys(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)

	keys, resp, err := bob.Users.LookupPublicKeys(ctx, []string{testserver.AliceID, testserver.CarolID, testserver.BobID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys.Data) != 2 || keys.Data[0].PublicKey != testserver.SeedPublicKey(testserver.AliceID, "1") || keys.Data[1].PublicKeyVersion != "2" {
		t.Errorf("keys: %+v", keys.Data)
	}
	if len(resp.PartialErrors) != 1 || resp.PartialErrors[0].ResourceID != testserver.CarolID {
		t.Errorf("partial errors: %+v", resp.PartialErrors)
	}
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = testserver.AliceID
	}
	for name, ids := range map[string][]string{"none": nil, "too many": ids, "malformed": {"alice"}} {
		if _, _, err := bob.Users.LookupPublicKeys(ctx, ids, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestFakeUsersAddPublicKey(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)
	// What X's chat SDK's registration holds, passed on as it is.
	reg := gen.PublicKeyAddRequest{Version: "1", PublicKey: gen.PublicKeyNew{PublicKey: "aWRlbnRpdHk=", SigningPublicKey: "c2lnbmluZw==",
		IdentityPublicKeySignature: "c2ln", PublicKeyFingerprint: "ZnA=", RegistrationMethod: "generated"}}

	added, _, err := carol.Users.AddPublicKey(ctx, testserver.CarolID, reg)
	if err != nil {
		t.Fatal(err)
	}
	if added.Data.PublicKeyVersion != "1" || len(added.Data.JuiceboxConfig) == 0 {
		t.Errorf("added: %+v", added.Data)
	}
	reg.GenerateVersion = true
	if added, _, err = carol.Users.AddPublicKey(ctx, testserver.CarolID, reg); err != nil || added.Data.PublicKeyVersion != "2" {
		t.Fatalf("generated: %+v, %v", added, err)
	}
	got, _, err := userClient(t, s, testserver.AliceID).Users.PublicKeys(ctx, testserver.CarolID, nil)
	if err != nil || len(got.Data) != 2 || got.Data[1].PublicKey != "aWRlbnRpdHk=" {
		t.Errorf("Carol's keys as Alice sees them: %+v, %v", got, err)
	}
	if keys := s.World().PublicKeys(testserver.CarolID); len(keys) != 2 || keys[1].Fingerprint != "ZnA=" {
		t.Errorf("world: %+v", keys)
	}

	// A version taken, or someone else's keys: refused by X.
	reg.GenerateVersion = false
	_, _, err = carol.Users.AddPublicKey(ctx, testserver.CarolID, reg)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	_, _, err = carol.Users.AddPublicKey(ctx, testserver.DaveID, reg)
	wantError(t, err, 403, "")

	// Refused before sending.
	for name, r := range map[string]gen.PublicKeyAddRequest{
		"no version": {PublicKey: reg.PublicKey},
		"no keys":    {Version: "3"},
		"no signing": {Version: "3", PublicKey: gen.PublicKeyNew{PublicKey: "eA=="}},
	} {
		if _, _, err := carol.Users.AddPublicKey(ctx, testserver.CarolID, r); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
