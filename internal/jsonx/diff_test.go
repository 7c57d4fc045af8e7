package jsonx_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
)

func TestDefault(t *testing.T) {
	if jsonx.Default() != jsonx.Fast {
		t.Errorf("Default() = %s, want Fast", jsonx.Default().Name())
	}
	if jsonx.Standard.Name() != "encoding/json" || jsonx.Fast.Name() == jsonx.Standard.Name() {
		t.Errorf("names: %q, %q", jsonx.Standard.Name(), jsonx.Fast.Name())
	}
	var p gen.Problem
	if err := jsonx.Unmarshal([]byte(`{"title":"t","type":"about:blank"}`), &p); err != nil || p.Title != "t" {
		t.Errorf("Unmarshal: %v, %+v", err, p)
	}
}

// Every document of the edge-case corpus, into every target type.
func TestCorpusAgrees(t *testing.T) {
	for _, c := range jsonxtest.Corpus() {
		t.Run(c.Name, func(t *testing.T) {
			for _, tg := range jsonxtest.Targets {
				jsonxtest.Compare(t, c.Data, tg.New)
			}
		})
	}
}

// The realistic documents decode to the same values, and through the fast path itself (not the
// fallback), so that the benchmarks measure what production runs.
func TestRealisticDocumentsAgree(t *testing.T) {
	page := searchPage(t)
	docs := []struct {
		name string
		data []byte
		new  func() any
	}{
		{"search page", page, func() any { return new(gen.TweetSearchResponse) }},
		{"search page as tweet lookup", page, func() any { return new(gen.MultiTweetLookupResponse) }},
		{"search page as any", page, func() any { return new(any) }},
		{"search page with coordinates", fixture.Search(500, 1, true), func() any { return new(gen.TweetSearchResponse) }},
	}
	for i, line := range fixture.StreamLines(50, 2) {
		docs = append(docs,
			struct {
				name string
				data []byte
				new  func() any
			}{"stream line " + string(rune('a'+i%26)), line, func() any { return new(gen.FilteredStreamingTweet) }})
	}
	golden := map[string]func() any{
		"tweets_lookup.json":    func() any { return new(gen.MultiTweetLookupResponse) },
		"search_recent.json":    func() any { return new(gen.TweetSearchResponse) },
		"stream_rules_add.json": func() any { return new(gen.AddOrDeleteRulesResponse) },
		"compliance_job.json":   func() any { return new(gen.SingleComplianceJobResponse) },
		"user_by_username.json": func() any { return new(gen.SingleUserLookupResponse) },
	}
	for file, newV := range golden {
		data, err := os.ReadFile(filepath.Join("..", "..", "gen", "testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, struct {
			name string
			data []byte
			new  func() any
		}{file, data, newV})
	}
	for _, d := range docs {
		if !jsonxtest.Compare(t, d.data, d.new) {
			continue
		}
		if err := jsonx.FastOnly(d.data, d.new()); err != nil {
			t.Errorf("%s: served by the fallback, not the fast decoder: %v", d.name, err)
		}
	}
	var v gen.TweetSearchResponse
	if err := jsonx.Fast.Unmarshal(page, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Data) != 500 || len(v.Errors) != 4 || v.Meta.ResultCount != 500 || len(v.Includes.Users) == 0 {
		t.Errorf("page decoded wrongly: %d tweets, %d errors", len(v.Data), len(v.Errors))
	}
}

// The union types keep the raw bytes of their value, whitespace included, as encoding/json
// gives them to UnmarshalJSON.
func TestUnionSummary(t *testing.T) {
	in := []byte(`{"meta":{"sent":"x","summary": {"created":1, "not_created" :0}}}`)
	var v gen.AddOrDeleteRulesResponse
	if err := jsonx.Fast.Unmarshal(in, &v); err != nil {
		t.Fatal(err)
	}
	s, err := v.Meta.Summary.AsRulesRequestSummary0()
	if err != nil || s.Created != 1 {
		t.Errorf("summary: %+v, %v", s, err)
	}
	raw, _ := v.Meta.Summary.MarshalJSON()
	if string(raw) != `{"created":1, "not_created" :0}` {
		t.Errorf("raw union = %s", raw)
	}
}

// A value that is not a zero value is merged into, exactly as encoding/json does.
func TestDecodeIntoExistingValue(t *testing.T) {
	in := []byte(`{"data":[{"id":"2"}],"meta":{"result_count":1}}`)
	fill := func() *gen.TweetSearchResponse {
		text := "kept"
		return &gen.TweetSearchResponse{Data: []gen.Tweet{{ID: "1", Text: "a", Lang: text}, {ID: "3"}}}
	}
	got, want := fill(), fill()
	if err := jsonx.Fast.Unmarshal(in, got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(in, want); err != nil {
		t.Fatal(err)
	}
	if !jsonxtest.Equal(got, want) {
		t.Errorf("merge differs: %+v vs %+v", got.Data[0], want.Data[0])
	}
}

// Errors are encoding/json's own types, whichever decoder ran.
func TestErrorsAreEncodingJSONErrors(t *testing.T) {
	var syn *json.SyntaxError
	if err := jsonx.Fast.Unmarshal([]byte(`{"title":`), new(gen.Problem)); !errors.As(err, &syn) {
		t.Errorf("truncated: %T %v", err, err)
	}
	var typ *json.UnmarshalTypeError
	if err := jsonx.Fast.Unmarshal([]byte(`{"status":"x"}`), new(gen.Problem)); !errors.As(err, &typ) || typ.Field != "status" {
		t.Errorf("type error: %T %v", err, err)
	}
	var inv *json.InvalidUnmarshalError
	for _, v := range []any{nil, gen.Problem{}, (*gen.Problem)(nil)} {
		if err := jsonx.Fast.Unmarshal([]byte(`{}`), v); !errors.As(err, &inv) {
			t.Errorf("into %T: %T %v", v, err, err)
		}
	}
}

func TestUnmarshalReader(t *testing.T) {
	var p gen.Problem
	if err := jsonx.UnmarshalReader(nil, strings.NewReader(`{"title":"t"}`), 13, &p); err != nil || p.Title != "t" {
		t.Errorf("at the limit: %v %+v", err, p)
	}
	var tl *jsonx.TooLargeError
	if err := jsonx.UnmarshalReader(jsonx.Standard, strings.NewReader(`{"title":"t"}`), 12, new(gen.Problem)); !errors.As(err, &tl) || tl.Limit != 12 {
		t.Errorf("over the limit: %v", err)
	}
	data, err := jsonx.ReadLimited(bytes.NewReader(make([]byte, 1<<20)), 0)
	if err != nil || len(data) != 1<<20 {
		t.Errorf("no limit: %d bytes, %v", len(data), err)
	}
}
