package testserver

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Users' public keys for encrypted chat (GET /2/users/public_keys, GET and POST
// /2/users/{id}/public_keys). The fake keeps every version a user registered and checks
// nothing about the keys themselves: they are X's chat SDK's encodings, opaque to the API.
//
// Seeded: Alice has version 1; Bob has versions 1 and 2; nobody else has keys. Lookups
// list a user's versions newest first (the batch lookup only each user's newest). A user
// registers only their own keys, under a decimal version not taken yet, or the next one
// with generate_version. Every answer carries the same juicebox_config (ChatJuiceboxConfig).

// PublicKeyRecord is one version of a user's chat public keys.
type PublicKeyRecord struct {
	Version                    string
	PublicKey                  string
	SigningPublicKey           string
	IdentityPublicKeySignature string
	Fingerprint                string
	RegistrationMethod         string
	CreatedAt                  time.Time
}

// ChatJuiceboxConfig is the key-backup configuration the fake sends with every key record.
const ChatJuiceboxConfig = `{"realms":[{"id":"01","address":"https://realm1.juicebox.invalid"},` +
	`{"id":"02","address":"https://realm2.juicebox.invalid"},{"id":"03","address":"https://realm3.juicebox.invalid"}],` +
	`"register_threshold":3,"recover_threshold":2,"pin_hashing_mode":"Standard2019"}`

// SeedPublicKey is the identity public key of a seeded record (the signing key is
// SeedPublicKey(user, "signing "+version)).
func SeedPublicKey(userID, version string) string {
	return base64.StdEncoding.EncodeToString([]byte("identity key of " + userID + " v" + version))
}

func seedPublicKeys(st *state) {
	rec := func(user, v string, age time.Duration) *PublicKeyRecord {
		return &PublicKeyRecord{Version: v, PublicKey: SeedPublicKey(user, v), SigningPublicKey: SeedPublicKey(user, "signing "+v),
			IdentityPublicKeySignature: base64.StdEncoding.EncodeToString([]byte("signature of " + user + " v" + v)),
			RegistrationMethod:         "generated", CreatedAt: SeedTime.Add(-age)}
	}
	st.publicKeys = map[string][]*PublicKeyRecord{
		AliceID: {rec(AliceID, "1", 30*24*time.Hour)},
		BobID:   {rec(BobID, "2", 24*time.Hour), rec(BobID, "1", 40*24*time.Hour)},
	}
}

var reKeyVersion = regexp.MustCompile(`^[0-9]{1,19}$`)

type wPublicKey struct {
	PublicKeyVersion           string          `json:"public_key_version,omitempty"`
	PublicKey                  string          `json:"public_key,omitempty"`
	SigningPublicKey           string          `json:"signing_public_key,omitempty"`
	IdentityPublicKeySignature string          `json:"identity_public_key_signature,omitempty"`
	JuiceboxConfig             json.RawMessage `json:"juicebox_config,omitempty"`
}

// publicKey renders a record with the fields asked for (public_key_version and
// public_key when none are).
func publicKey(k *PublicKeyRecord, fields set) wPublicKey {
	if fields == nil {
		fields = set{"public_key_version": true, "public_key": true}
	}
	var out wPublicKey
	pick(fields, "public_key_version", &out.PublicKeyVersion, k.Version)
	pick(fields, "public_key", &out.PublicKey, k.PublicKey)
	pick(fields, "signing_public_key", &out.SigningPublicKey, k.SigningPublicKey)
	pick(fields, "identity_public_key_signature", &out.IdentityPublicKeySignature, k.IdentityPublicKeySignature)
	if fields["juicebox_config"] {
		out.JuiceboxConfig = json.RawMessage(ChatJuiceboxConfig)
	}
	return out
}

// chatKeysFeature registers the operations this file serves and what it seeds into a new world.
func chatKeysFeature() feature {
	return feature{seed: seedPublicKeys, ops: map[string]operation{
		"lookupUserPublicKeys":  {(*Server).lookupUserPublicKeys, reads},
		"lookupUsersPublicKeys": {(*Server).lookupUsersPublicKeys, reads},
		"addUserPublicKey":      {(*Server).addUserPublicKey, writes},
	}}
}

func (s *Server) lookupUserPublicKeys(c *call) (int, any) {
	id := c.path["id"]
	if s.w.user(id) == nil {
		return notFoundAnswer("user", "id", id)
	}
	keys := s.w.publicKeys[id]
	if len(keys) == 0 {
		return notFoundAnswer("public_key", "id", id)
	}
	fields := listParam(c.q, "public_key.fields")
	data := make([]wPublicKey, 0, len(keys))
	for _, k := range keys {
		data = append(data, publicKey(k, fields))
	}
	return http.StatusOK, envelope{Data: data}
}

func (s *Server) lookupUsersPublicKeys(c *call) (int, any) {
	fields := listParam(c.q, "public_key.fields")
	var env envelope
	var data []wPublicKey
	for _, id := range strings.Split(c.q.Get("ids"), ",") {
		switch keys := s.w.publicKeys[id]; {
		case s.w.user(id) == nil:
			env.Errors = append(env.Errors, notFound("user", "ids", id))
		case len(keys) == 0:
			env.Errors = append(env.Errors, notFound("public_key", "ids", id))
		default:
			data = append(data, publicKey(keys[0], fields))
		}
	}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

func (s *Server) addUserPublicKey(c *call) (int, any) {
	id := c.path["id"]
	if id != c.who.userID {
		pr := forbidden("You can only register public keys for yourself.")
		return pr.Status, pr
	}
	var b struct {
		PublicKey struct {
			PublicKey                  string `json:"public_key"`
			SigningPublicKey           string `json:"signing_public_key"`
			IdentityPublicKeySignature string `json:"identity_public_key_signature"`
			Fingerprint                string `json:"public_key_fingerprint"`
			RegistrationMethod         string `json:"registration_method"`
		} `json:"public_key"`
		Version         string `json:"version"`
		GenerateVersion bool   `json:"generate_version"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if b.PublicKey.PublicKey == "" || b.PublicKey.SigningPublicKey == "" {
		return http.StatusBadRequest, badParam("public_key", "", "A registration needs a public_key and a signing_public_key")
	}
	keys := s.w.publicKeys[id]
	version := b.Version
	if b.GenerateVersion {
		var top uint64
		for _, k := range keys {
			n, _ := strconv.ParseUint(k.Version, 10, 64)
			top = max(top, n)
		}
		version = strconv.FormatUint(top+1, 10)
	}
	if !reKeyVersion.MatchString(version) {
		return http.StatusBadRequest, badParam("version", version, "The key version must be a decimal number")
	}
	for _, k := range keys {
		if k.Version == version {
			return http.StatusBadRequest, badParam("version", version, "Public key version %s is already registered", version)
		}
	}
	rec := &PublicKeyRecord{Version: version, PublicKey: b.PublicKey.PublicKey, SigningPublicKey: b.PublicKey.SigningPublicKey,
		IdentityPublicKeySignature: b.PublicKey.IdentityPublicKeySignature, Fingerprint: b.PublicKey.Fingerprint,
		RegistrationMethod: b.PublicKey.RegistrationMethod, CreatedAt: s.clock.Now().UTC()}
	s.w.publicKeys[id] = append([]*PublicKeyRecord{rec}, keys...)
	return http.StatusOK, envelope{Data: map[string]any{"public_key_version": version, "juicebox_config": json.RawMessage(ChatJuiceboxConfig)}}
}

// PublicKeys returns the chat public keys userID registered, newest version first.
func (w *World) PublicKeys(userID string) (keys []PublicKeyRecord) {
	w.read(func(st *state) {
		for _, k := range st.publicKeys[userID] {
			keys = append(keys, *k)
		}
	})
	return
}
