package testserver

import (
	"net/http"
	"testing"
)

func TestPublicKeys(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	bob := s.UserToken(BobID)

	// Bob's two versions, newest first, with the fields asked for.
	r := c.get("/2/users/"+BobID+"/public_keys?public_key.fields=public_key_version,signing_public_key,juicebox_config", s.UserToken(AliceID))
	wantStatus(t, r, http.StatusOK)
	if len(r.list("data")) != 2 || r.str("data", 0, "public_key_version") != "2" || r.str("data", 1, "public_key_version") != "1" ||
		r.str("data", 0, "signing_public_key") != SeedPublicKey(BobID, "signing 2") || r.has("data", 0, "public_key") ||
		r.num("data", 0, "juicebox_config", "recover_threshold") != 2 {
		t.Errorf("Bob's keys: %s", r.raw)
	}
	// Defaults: version and identity key.
	r = c.get("/2/users/"+AliceID+"/public_keys", bob)
	if r.str("data", 0, "public_key") != SeedPublicKey(AliceID, "1") || r.has("data", 0, "signing_public_key") {
		t.Errorf("Alice's keys: %s", r.raw)
	}
	// Carol has none; an unknown user is not found either.
	for _, id := range []string{CarolID, NonexistentID} {
		r = c.get("/2/users/"+id+"/public_keys", bob)
		if r.status != http.StatusOK || r.has("data") || r.str("errors", 0, "resource_id") != id {
			t.Errorf("%s: %s", id, r.raw)
		}
	}
	// The batch: each user's newest version, and a partial error for the others.
	r = c.get("/2/users/public_keys?ids="+AliceID+","+CarolID+","+BobID, bob)
	if len(r.list("data")) != 2 || r.str("data", 1, "public_key_version") != "2" || r.str("errors", 0, "resource_id") != CarolID {
		t.Errorf("batch: %s", r.raw)
	}
	wantStatus(t, c.get("/2/users/"+BobID+"/public_keys", c.app()), http.StatusForbidden)

	// Carol registers version 1, then lets X pick the next; a taken version is refused.
	reg := func(who, path string, body map[string]any) resp {
		return c.do(http.MethodPost, "/2/users/"+path+"/public_keys", s.UserToken(who), body)
	}
	key := map[string]any{"public_key": "Y2Fyb2w=", "signing_public_key": "c2lnbg==", "registration_method": "generated"}
	r = reg(CarolID, CarolID, map[string]any{"public_key": key, "version": "1"})
	if r.status != http.StatusOK || r.str("data", "public_key_version") != "1" || r.num("data", "juicebox_config", "register_threshold") != 3 {
		t.Fatalf("register: %s", r.raw)
	}
	r = reg(CarolID, CarolID, map[string]any{"public_key": key, "version": "1", "generate_version": true})
	if r.str("data", "public_key_version") != "2" {
		t.Errorf("generated version: %s", r.raw)
	}
	wantStatus(t, reg(CarolID, CarolID, map[string]any{"public_key": key, "version": "2"}), http.StatusBadRequest)
	if keys := s.World().PublicKeys(CarolID); len(keys) != 2 || keys[0].Version != "2" || keys[1].PublicKey != "Y2Fyb2w=" {
		t.Errorf("world: %+v", keys)
	}
	// Only for oneself; both keys are needed.
	wantStatus(t, reg(DaveID, CarolID, map[string]any{"public_key": key, "version": "3"}), http.StatusForbidden)
	wantStatus(t, reg(DaveID, DaveID, map[string]any{"public_key": map[string]any{"public_key": "eA=="}, "version": "1"}), http.StatusBadRequest)
}
