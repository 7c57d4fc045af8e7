package main

import (
	"go/ast"
	"go/token"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// pagedUsers is a GET /2/users/{id}/x answering a page of users, with the parameters of
// UserListOptions (and extra, if any), under security sec.
func pagedUsers(t *testing.T, g *generator, ext map[string]any, extra string, sec openapi3.SecurityRequirements) (op, *openapi3.Operation) {
	t.Helper()
	o := operationAnswering("listX", "GenericMultipleUsersLookupResponse", ext)
	id := openapi3.NewPathParameter("id")
	id.Schema = &openapi3.SchemaRef{Ref: "#/components/schemas/UserID", Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Pattern: "^[0-9]{1,19}$"}}
	maxResults := openapi3.NewQueryParameter("max_results").WithSchema(openapi3.NewInt32Schema().WithMin(1).WithMax(1000))
	o.AddParameter(id)
	o.AddParameter(maxResults)
	for _, name := range append([]string{"pagination_token", "user.fields", "expansions", "tweet.fields"}, strings.Fields(extra)...) {
		o.AddParameter(openapi3.NewQueryParameter(name).WithSchema(openapi3.NewStringSchema()))
	}
	o.Security = &sec
	r, ok := g.operation("GET", "/2/users/{id}/x", o)
	if !ok {
		t.Fatalf("operation: %q", g.errs)
	}
	r.Facade = []string{"Users.X"}
	return r, o
}

var userContextOrApp = openapi3.SecurityRequirements{
	{"BearerToken": {}},
	{"OAuth2UserToken": {"tweet.read", "users.read"}},
	{"UserToken": {}},
}

func TestMethodsAreGeneratedFromTheFacts(t *testing.T) {
	g := newTestGenerator(t)
	ext := map[string]any{"x-twitter-method": map[string]any{"options": "UserListOptions", "param": "userID", "doc": "lists one page of X."}}
	o, oo := pagedUsers(t, g, ext, "", userContextOrApp)
	ms := g.methods(&openapi3.T{}, []op{o}, map[string]*openapi3.Operation{"listX": oo})
	if len(g.errs) != 0 || len(ms) != 1 {
		t.Fatalf("methods %+v, errors %q", ms, g.errs)
	}
	m := ms[0]
	doc := strings.Join(m.Doc, " ")
	for _, want := range []string{"X lists one page of X.", "MaxResults is 1 to 1000", "app-only token or a user context (OAuth 2.0 scopes tweet.read and users.read, or OAuth 1.0a)"} {
		if !strings.Contains(doc, want) {
			t.Errorf("doc %q does not say %q", doc, want)
		}
	}
	if m.Param != "userID" || m.What != "user id" || m.Pattern != "patternUserID" || m.Fields != "p.UserFields, p.Expansions, p.TweetFields" || m.Raw != "ListX" {
		t.Errorf("method %+v", m)
	}
	src, err := execute(methodTmpl, ms)
	if err != nil {
		t.Fatal(err)
	}
	f := &facade{methods: map[string]*ast.FuncDecl{}, fset: token.NewFileSet()}
	if err := f.addMethods(src); err != nil || f.methods["Users.X"] == nil {
		t.Fatalf("addMethods: %v (methods %v)", err, f.methods)
	}
	if err := f.addMethods(src); err == nil || !strings.Contains(err.Error(), "written by hand and generated") {
		t.Errorf("a method both written and generated: %v", err)
	}
}

func TestMethodsRefuseWhatTheyCannotGenerate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ext     map[string]any
		extra   string
		sec     openapi3.SecurityRequirements
		want    string
		inPlace bool // the id's schema written in the parameter, not a $ref
	}{
		{"unknown options", map[string]any{"options": "SearchOptions", "doc": "d"}, "", userContextOrApp, "none of the option structs", false},
		{"no doc", map[string]any{"options": "UserListOptions", "what": "user id"}, "", userContextOrApp, "no doc", false},
		{"a parameter the options lack", map[string]any{"options": "UserListOptions", "doc": "d"}, "sort_order", userContextOrApp, "query parameter sort_order is not one UserListOptions fills", false},
		{"a parameter the operation lacks", map[string]any{"options": "TweetListOptions", "doc": "d"}, "", userContextOrApp, "the operation does not take", false},
		{"an id schema without a name", map[string]any{"options": "UserListOptions", "doc": "d"}, "", userContextOrApp, "name it under components/schemas", true},
		{"unknown credentials", map[string]any{"options": "UserListOptions", "doc": "d"}, "", openapi3.SecurityRequirements{{"Cookie": {}}}, "unknown security scheme", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newTestGenerator(t)
			o, oo := pagedUsers(t, g, map[string]any{"x-twitter-method": tc.ext}, tc.extra, tc.sec)
			if tc.inPlace {
				oo.Parameters[0].Value.Schema.Ref = ""
			}
			ms := g.methods(&openapi3.T{}, []op{o}, map[string]*openapi3.Operation{"listX": oo})
			if len(ms) != 0 || len(g.errs) != 1 || !strings.Contains(g.errs[0], tc.want) {
				t.Errorf("methods %d, errors %q; want one about %q", len(ms), g.errs, tc.want)
			}
		})
	}
}

func TestCredentialsSentences(t *testing.T) {
	o2 := openapi3.SecurityRequirement{"OAuth2UserToken": {"like.read"}}
	for _, tc := range []struct {
		sec  openapi3.SecurityRequirements
		want string
	}{
		{openapi3.SecurityRequirements{{"BearerToken": {}}}, "Works with an app-only token."},
		{openapi3.SecurityRequirements{{"BearerToken": {}}, o2}, "Works with an app-only token or an OAuth 2.0 user context (scope like.read)."},
		{openapi3.SecurityRequirements{o2, {"UserToken": {}}}, "Needs a user context (OAuth 2.0 scope like.read, or OAuth 1.0a)."},
		{openapi3.SecurityRequirements{{"OAuth2UserToken": {"a", "b", "c"}}}, "Needs an OAuth 2.0 user context (scopes a, b and c); OAuth 1.0a is not accepted."},
	} {
		o := openapi3.NewOperation()
		o.Security = &tc.sec
		if got, err := credentialsSentence(&openapi3.T{}, o); err != nil || got != tc.want {
			t.Errorf("%v: %q, %v; want %q", tc.sec, got, err, tc.want)
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{"UserID": "user id", "SpaceID": "space id", "DmConversationId": "dm conversation id"} {
		if got := words(in); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
	if got := wrap("aaa bbb ccc", 7); len(got) != 2 || got[0] != "aaa bbb" {
		t.Errorf("wrap = %q", got)
	}
}
