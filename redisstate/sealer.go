package redisstate

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
)

// A Sealer encrypts tokens before they are stored and decrypts them after. aad is the
// Redis key the token is stored under: a sealed token moved to another key does not open.
// Give every worker the same Sealer (the same key).
type Sealer interface {
	Seal(plaintext, aad []byte) ([]byte, error)
	Open(sealed, aad []byte) ([]byte, error)
}

// AESGCM returns a Sealer with AES-256-GCM under key, which must be 32 bytes (keep it in
// a secret store, not beside Redis). Each token gets a random nonce.
func AESGCM(key []byte) (Sealer, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("redisstate: AESGCM: key of %d bytes, want 32", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("redisstate: AESGCM: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("redisstate: AESGCM: %w", err)
	}
	return gcmSealer{aead}, nil
}

type gcmSealer struct{ aead cipher.AEAD }

func (g gcmSealer) Seal(plaintext, aad []byte) ([]byte, error) {
	nonce := make([]byte, g.aead.NonceSize(), g.aead.NonceSize()+len(plaintext)+g.aead.Overhead())
	_, _ = rand.Read(nonce) // never fails
	return g.aead.Seal(nonce, nonce, plaintext, aad), nil
}

func (g gcmSealer) Open(sealed, aad []byte) ([]byte, error) {
	n := g.aead.NonceSize()
	if len(sealed) < n+g.aead.Overhead() {
		return nil, errors.New("sealed token too short")
	}
	return g.aead.Open(nil, sealed[:n], sealed[n:], aad)
}

// String keeps the key out of %v.
func (g gcmSealer) String() string { return "redisstate.AESGCM{key: REDACTED}" }

// newID returns a random lease id.
func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
