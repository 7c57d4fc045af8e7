package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// facade is what the generator reads of package twitter's hand-written source: the
// single-page methods (by "Service.Method"), the page type aliases (by item type) and the
// pattern variables it names (patterns.go).
type facade struct {
	methods  map[string]*ast.FuncDecl
	aliases  map[string]string // "User" → "UserPage"
	patterns map[string]string // "patternUserID" → "users.go", the first file naming it
	limits   map[string]string // "maxLengthListCreateRequestName" → "lists.go", likewise
	fset     *token.FileSet
}

func readFacade(dir string) (*facade, error) {
	f := &facade{methods: map[string]*ast.FuncDecl{}, aliases: map[string]string{}, patterns: map[string]string{}, limits: map[string]string{}, fset: token.NewFileSet()}
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasSuffix(base, "_test.go") || strings.HasSuffix(base, ".gen.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(f.fset, base, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		f.usePatterns(file, base)
		f.useLimits(file, base)
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) != 1 {
					continue
				}
				star, ok := d.Recv.List[0].Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				if id, ok := star.X.(*ast.Ident); ok {
					f.methods[strings.TrimSuffix(id.Name, "Service")+"."+d.Name.Name] = d
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !ts.Assign.IsValid() {
						continue
					}
					// type UserPage = Page[gen.User]
					ix, ok := ts.Type.(*ast.IndexExpr)
					if !ok {
						continue
					}
					if base, ok := ix.X.(*ast.Ident); !ok || base.Name != "Page" {
						continue
					}
					if sel, ok := ix.Index.(*ast.SelectorExpr); ok {
						f.aliases[sel.Sel.Name] = ts.Name.Name
					}
				}
			}
		}
	}
	return f, nil
}

// iterator is what the template needs to write the Pages and Iter methods of one
// paginated operation.
type iterator struct {
	Op, Var     string // operationId, the facts' variable (opListFollowers)
	Endpoint    string
	Receiver    string // UsersService
	Method      string // Followers
	Pager       string // followersPager
	Params      string // "userID string, opts *UserListOptions" (after ctx)
	Args        string // "userID, o" (the call of the single-page method)
	PagerParams string // "userID string, opts *UserListOptions" without ctx
	PagerArgs   string // "userID, opts"
	Options     string // UserListOptions
	Result      string // gen.UsersFollowingLookupResponse
	Item        string // gen.User
	PageType    string // UserPage
	MaxResults  string // "&o.MaxResults" or "nil"
	TokenField  string // PaginationToken
	Min, Max    int
	TokenParam  string
}

func (g *generator) iterator(f *facade, o op) (iterator, bool) {
	if o.Paging == nil {
		return iterator{}, false
	}
	if len(o.Facade) == 0 {
		g.fail(o.ID, "paginated, but no x-twitter-facade names the method its iterators wrap")
		return iterator{}, false
	}
	name := o.Facade[0]
	fn := f.methods[name]
	if fn == nil {
		g.fail(o.ID, "x-twitter-facade %s is not a method of package twitter", name)
		return iterator{}, false
	}
	svc, method, _ := strings.Cut(name, ".")
	it := iterator{
		Op: o.ID, Var: o.Var, Endpoint: o.Method + " " + o.Path,
		Receiver: svc + "Service", Method: method,
		Pager:  strings.ToLower(method[:1]) + method[1:] + "Pager",
		Result: o.Type, Item: o.Paging.Item, Min: o.Paging.Min, Max: o.Paging.Max,
		TokenParam: o.Paging.TokenParam,
		TokenField: camel(o.Paging.TokenParam),
		MaxResults: "nil",
	}
	if o.Paging.SizeParam != "" {
		it.MaxResults = "&o.MaxResults"
	}
	it.PageType = f.aliases[o.Paging.ItemName]
	if it.PageType == "" {
		it.PageType = "Page[" + o.Paging.Item + "]"
	}
	params := fn.Type.Params.List
	if len(params) < 2 {
		g.fail(o.ID, "%s takes no options: its iterators need (ctx, ..., opts *Options)", name)
		return iterator{}, false
	}
	var decl, args []string
	for i, p := range params[1:] {
		typ := f.expr(p.Type)
		last := i == len(params)-2
		for _, n := range p.Names {
			decl = append(decl, n.Name+" "+typ)
			if last {
				args = append(args, "o")
			} else {
				args = append(args, n.Name)
			}
		}
	}
	lastParam := params[len(params)-1]
	star, ok := lastParam.Type.(*ast.StarExpr)
	if !ok || len(lastParam.Names) != 1 || lastParam.Names[0].Name != "opts" {
		g.fail(o.ID, "the last parameter of %s is not opts *Options", name)
		return iterator{}, false
	}
	it.Options = f.expr(star.X)
	it.Params = strings.Join(decl, ", ")
	it.Args = strings.Join(args, ", ")
	it.PagerParams = it.Params
	it.PagerArgs = strings.Join(append(args[:len(args)-1:len(args)-1], "opts"), ", ")
	if res := fn.Type.Results; res == nil || len(res.List) != 3 || f.expr(res.List[0].Type) != "*"+o.Type {
		g.fail(o.ID, "%s does not return (*%s, *Response, error)", name, o.Type)
		return iterator{}, false
	}
	return it, true
}

func (f *facade) expr(e ast.Expr) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, f.fset, e); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return b.String()
}

// camel turns pagination_token into PaginationToken.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, "")
}

var iterTmpl = template.Must(template.New("iterators").Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// The iterators of every paginated operation, generated from the operation's facts
// (operations.gen.go) around its single-page method (hand-written, or in methods.gen.go).
// See IterOptions for limits and resuming, and PageError for failures. Unless the options
// set MaxResults, every page asks for the operation's largest page size (not X's smaller
// default), so a full iteration makes as few requests, and spends as little rate limit, as
// it can.
{{range .}}
func (s *{{.Receiver}}) {{.Pager}}({{.PagerParams}}, it *IterOptions) *pager[{{.Item}}] {
	return opPager(&{{.Var}}, opts, it,
		func(o *{{.Options}}) (*int, *string) { return {{.MaxResults}}, &o.{{.TokenField}} },
		func(ctx context.Context, o *{{.Options}}) (*{{.Result}}, *Response, error) {
			return s.{{.Method}}(ctx, {{.Args}})
		})
}

// {{.Method}}Pages pages through the results of {{.Method}} ({{.Endpoint}}), following {{.TokenParam}}.{{if .Max}}
// A page holds up to {{.Max}} (the largest, unless opts.MaxResults sets the size).{{end}}
// opts.{{.TokenField}}, when set, is where to start (or use it.StartToken).
func (s *{{.Receiver}}) {{.Method}}Pages(ctx context.Context, {{.Params}}, it *IterOptions) iter.Seq2[*{{.PageType}}, error] {
	return s.{{.Pager}}({{.PagerArgs}}, it).pages(ctx)
}

// {{.Method}}Iter yields the results of {{.Method}} one by one, fetching pages as the loop
// asks for more. See {{.Method}}Pages.
func (s *{{.Receiver}}) {{.Method}}Iter(ctx context.Context, {{.Params}}, it *IterOptions) iter.Seq2[{{.Item}}, error] {
	return s.{{.Pager}}({{.PagerArgs}}, it).items(ctx)
}
{{end}}
`))
