package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"slices"
	"strings"
	"text/template"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// A plain paginated read (a page of users or Tweets about one subject, nothing but the page
// and field options) has its single-page method generated too, when its operation says so:
//
//	x-twitter-method:
//	  options: UserListOptions   # the option struct the method takes
//	  param: userID              # the Go name of the path parameter (default: its own name)
//	  doc: lists one page of the accounts the authenticated user (userID) blocks.
//
// doc is the part of the doc comment only words can say; the generator adds the page
// sizes, the token and what credentials the operation takes, from the document.

// optionSet is what an option struct of a generated method fills: the option group whose
// params method returns the field selection, in the order it returns them.
type optionSet struct {
	group  string
	params []string // query parameters, in the order group.params returns them
}

var (
	userFields  = optionSet{"UserOptions", []string{"user.fields", "expansions", "tweet.fields"}}
	tweetFields = optionSet{"TweetOptions", []string{"tweet.fields", "expansions", "media.fields", "poll.fields", "user.fields", "place.fields"}}
	optionSets  = map[string]optionSet{
		"UserListOptions":    userFields,
		"TweetListOptions":   tweetFields,
		"LikedTweetsOptions": tweetFields,
	}
)

// method is what the template needs to write one generated single-page method.
type method struct {
	Receiver, Name, Full string // UsersService, Blocking, Users.Blocking
	Doc                  []string
	Param                string // userID; "" when the path has no parameter
	PathArg              string // "userID, " for the raw call
	What, Pattern        string // "user id", patternUserID (patterns.go)
	TokenMax             int    // the token's maxLength; 0 when unbounded
	Default              string // max_results's default, "" when the document states none
	Options, Group       string
	Fields               string // "p.UserFields, p.Expansions, p.TweetFields"
	Result, Params, Raw  string // gen.X, gen.ListBlockingParams, ListBlocking
	Var                  string // opListBlocking
}

// methods returns the generated methods.
func (g *generator) methods(doc *openapi3.T, ops []op, byID map[string]*openapi3.Operation) []method {
	var out []method
	for _, o := range ops {
		oo := byID[o.ID]
		raw, ok := oo.Extensions["x-twitter-method"]
		if !ok {
			continue
		}
		ext, ok := raw.(map[string]any)
		if !ok {
			g.fail(o.ID, "x-twitter-method is not an object")
			continue
		}
		if m, ok := g.method(doc, o, oo, ext); ok {
			out = append(out, m)
		}
	}
	return out
}

func (g *generator) method(doc *openapi3.T, o op, oo *openapi3.Operation, ext map[string]any) (method, bool) {
	options, _ := ext["options"].(string)
	text, _ := ext["doc"].(string)
	set, known := optionSets[options]
	switch {
	case !known:
		g.fail(o.ID, "x-twitter-method: options %q is none of the option structs a method can be generated for", options)
		return method{}, false
	case strings.TrimSpace(text) == "":
		g.fail(o.ID, "x-twitter-method: no doc")
		return method{}, false
	case len(o.Facade) != 1:
		g.fail(o.ID, "x-twitter-method: x-twitter-facade must name the one method to generate")
		return method{}, false
	case o.Method != "GET" || o.Paging == nil || o.Paging.SizeParam == "" || o.Paging.TokenParam != "pagination_token":
		g.fail(o.ID, "x-twitter-method: only a GET paged with max_results and pagination_token is generated")
		return method{}, false
	}
	svc, name, _ := strings.Cut(o.Facade[0], ".")
	m := method{
		Receiver: svc + "Service", Name: name, Full: o.Facade[0],
		Options: options, Group: set.group,
		Result: o.Type, Params: "gen." + exported(o.ID) + "Params", Raw: exported(o.ID), Var: o.Var,
	}
	want := append([]string{"max_results", "pagination_token"}, set.params...)
	var fields []string
	for _, p := range set.params {
		fields = append(fields, "p."+camel(strings.ReplaceAll(p, ".", "_")))
	}
	m.Fields = strings.Join(fields, ", ")
	for _, pr := range oo.Parameters {
		p := pr.Value
		switch {
		case p == nil:
			continue
		case p.In == "path":
			if m.Param != "" {
				g.fail(o.ID, "x-twitter-method: more than one path parameter")
				return method{}, false
			}
			m.Param = p.Name
			if v, ok := ext["param"].(string); ok && v != "" {
				m.Param = v
			}
			m.PathArg = m.Param + ", "
			s := p.Schema
			if s == nil || s.Value == nil || s.Value.Pattern == "" {
				g.fail(o.ID, "x-twitter-method: path parameter %s has no pattern", p.Name)
				return method{}, false
			}
			// The id's pattern is its schema's (patterns.go), so the schema needs a name.
			schema, named := strings.CutPrefix(s.Ref, "#/components/schemas/")
			if !named {
				g.fail(o.ID, "x-twitter-method: path parameter %s has a schema of its own: name it under components/schemas", p.Name)
				return method{}, false
			}
			m.Pattern = patternName(schema, "")
			// What an error calls the id: x-twitter-method's what, or its schema's name
			// (UserID: "user id").
			if m.What, _ = ext["what"].(string); m.What == "" {
				m.What = words(schema)
			}
		case p.In == "query":
			i := slices.Index(want, p.Name)
			if i < 0 {
				g.fail(o.ID, "x-twitter-method: query parameter %s is not one %s fills", p.Name, options)
				return method{}, false
			}
			want = slices.Delete(want, i, i+1)
			if p.Name == "max_results" && p.Schema != nil && p.Schema.Value != nil && p.Schema.Value.Default != nil {
				m.Default = fmt.Sprint(p.Schema.Value.Default)
			}
			if p.Name == "pagination_token" && p.Schema != nil && p.Schema.Value != nil && p.Schema.Value.MaxLength != nil {
				m.TokenMax = int(*p.Schema.Value.MaxLength)
			}
		}
	}
	if len(want) > 0 {
		g.fail(o.ID, "x-twitter-method: %s fills %s, which the operation does not take", options, strings.Join(want, ", "))
		return method{}, false
	}
	page := "It pages with pagination_token (PageOptions.PaginationToken"
	if m.TokenMax > 0 {
		page += fmt.Sprintf(", at most %d characters", m.TokenMax)
	}
	page += fmt.Sprintf("); MaxResults is %d to %d", o.Min, o.Max)
	if m.Default != "" {
		page += " (X's default is " + m.Default + ")"
	}
	page += "."
	credentials, err := credentialsSentence(doc, oo)
	if err != nil {
		g.fail(o.ID, "x-twitter-method: %v", err)
		return method{}, false
	}
	m.Doc = wrap(name+" "+strings.TrimSpace(text)+" "+page+" "+credentials, 88)
	return m, true
}

// credentialsSentence says which credentials an operation takes, from its security.
func credentialsSentence(doc *openapi3.T, o *openapi3.Operation) (string, error) {
	sec := o.Security
	if sec == nil {
		sec = &doc.Security
	}
	var app, oauth1 bool
	var scopes []string
	for _, req := range *sec {
		for scheme, s := range req {
			switch scheme {
			case "BearerToken":
				app = true
			case "UserToken":
				oauth1 = true
			case "OAuth2UserToken":
				scopes = s
			default:
				return "", fmt.Errorf("unknown security scheme %s", scheme)
			}
		}
	}
	list := func(s []string) string {
		if len(s) < 2 {
			return strings.Join(s, "")
		}
		return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
	}
	scope := "scope"
	if len(scopes) > 1 {
		scope = "scopes"
	}
	switch {
	case len(scopes) == 0 && app && !oauth1:
		return "Works with an app-only token.", nil
	case len(scopes) == 0:
		return "", fmt.Errorf("no OAuth 2.0 scopes and no app-only token: say by hand what it takes")
	case app && oauth1:
		return fmt.Sprintf("Works with an app-only token or a user context (OAuth 2.0 %s %s, or OAuth 1.0a).", scope, list(scopes)), nil
	case app:
		return fmt.Sprintf("Works with an app-only token or an OAuth 2.0 user context (%s %s).", scope, list(scopes)), nil
	case oauth1:
		return fmt.Sprintf("Needs a user context (OAuth 2.0 %s %s, or OAuth 1.0a).", scope, list(scopes)), nil
	}
	return fmt.Sprintf("Needs an OAuth 2.0 user context (%s %s); OAuth 1.0a is not accepted.", scope, list(scopes)), nil
}

// exported turns an operationId into the generated client's name for it: listBlocking
// becomes ListBlocking.
func exported(id string) string { return strings.ToUpper(id[:1]) + id[1:] }

// words turns a schema name into what an error calls it: UserID becomes "user id".
func words(name string) string {
	var b strings.Builder
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) && !unicode.IsUpper(rune(name[i-1])) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// wrap breaks text into lines of at most width characters.
func wrap(text string, width int) []string {
	var lines []string
	var line string
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// addMethods parses the generated methods into the facade, so that the iterators wrap
// them as they wrap the hand-written ones.
func (f *facade) addMethods(src []byte) error {
	file, err := parser.ParseFile(f.fset, "methods.gen.go", src, parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil {
			continue
		}
		recv := fn.Recv.List[0].Type.(*ast.StarExpr).X.(*ast.Ident).Name
		full := strings.TrimSuffix(recv, "Service") + "." + fn.Name.Name
		if _, dup := f.methods[full]; dup {
			return fmt.Errorf("%s is written by hand and generated (x-twitter-method): remove one", full)
		}
		f.methods[full] = fn
	}
	return nil
}

var methodTmpl = template.Must(template.New("methods").Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// The single-page methods of the plain paginated reads, generated from the document
// (x-twitter-method): their argument checks and doc comments take every bound, token,
// pattern (patterns.gen.go) and credential from it.
{{range .}}
{{range .Doc}}// {{.}}
{{end -}}
func (s *{{.Receiver}}) {{.Name}}(ctx context.Context, {{if .Param}}{{.Param}} string, {{end}}opts *{{.Options}}) (*{{.Result}}, *Response, error) {
	const method = {{printf "%q" .Full}}
	{{- if .Param}}
	if err := checkID(method, {{printf "%q" .What}}, {{.Pattern}}, {{.Param}}); err != nil {
		return nil, nil, err
	}
	{{- end}}
	o := orZero(opts)
	{{- if .TokenMax}}
	if n := len(o.PaginationToken); n > {{.TokenMax}} {
		return nil, nil, invalid(method, "pagination token of %d characters; the API takes at most {{.TokenMax}}", n)
	}
	{{- end}}
	var p {{.Params}}
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, {{.Var}}.size); err != nil {
		return nil, nil, err
	}
	if {{.Fields}}, err = o.{{.Group}}.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &{{.Var}}.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.{{.Raw}}(ctx, {{.PathArg}}&p)
	})
}
{{end}}
`))
