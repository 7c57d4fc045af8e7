// Command decodergen writes internal/jsonx/decode.gen.go: decoders for the generated types the
// client decodes most (search pages, Tweet and User lookups, stream lines) and every type they
// reach, as plain functions that package jsonx's Fast calls by the type of the target.
//
//	go run ./internal/cmd/decodergen -o internal/jsonx/decode.gen.go
//
// It reads the types of package gen by reflection, as encoding/json sees them (field names
// from the json tags), and refuses types it cannot decode exactly as encoding/json does (a
// ",string" option, embedded fields, float32s, arrays, kinds it does not know): those would
// need new code in package jsonx's decoder, not a silent difference. It is run by
// `go generate ./...` after gen/ is generated, and `make check-generated` proves its output
// current.
package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"text/template"

	"github.com/twitterkit/go/gen"
)

// roots are the types Fast decodes with generated code; every type they reach gets a decoder.
var roots = []reflect.Type{
	reflect.TypeFor[gen.TweetSearchResponse](),
	reflect.TypeFor[gen.FilteredStreamingTweet](),
	reflect.TypeFor[gen.StreamingTweet](),
	reflect.TypeFor[gen.SingleTweetLookupResponse](),
	reflect.TypeFor[gen.MultiTweetLookupResponse](),
	reflect.TypeFor[gen.SingleUserLookupResponse](),
	reflect.TypeFor[gen.MultiUserLookupResponse](),
}

// interned are the string fields ("Type.json_name", "*.json_name" for any type) whose few
// values repeat from Tweet to Tweet: the decoders share equal strings among them.
var interned = map[string]bool{
	"*.lang": true, "*.source": true, "*.reply_settings": true, "*.type": true,
	"*.verified_type": true, "*.subscription_type": true, "*.place_type": true,
	"*.voting_status": true, "*.content_type": true, "*.country_code": true, "*.country": true,
	"*.scope": true, "*.match_status": true, "*.connection_status": true,
	"ContextAnnotationDomainFields.id": true, "ContextAnnotationDomainFields.name": true,
	"ContextAnnotationDomainFields.description": true,
}

func main() {
	out := flag.String("o", "decode.gen.go", "file to write")
	flag.Parse()
	src, err := generate(roots)
	if err != nil {
		fmt.Fprintln(os.Stderr, "decodergen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "decodergen:", err)
		os.Exit(1)
	}
}

type field struct {
	JSON string // the name encoding/json matches
	Bit  int
	Call string // decodes into the field: a boolean expression
}

type structDecoder struct {
	Func, Type string
	Fields     []field
	Names      []string // the JSON names, for the case-folding check
}

type sliceDecoder struct {
	Func, Type, Elem string
	Pool             string // a sync.Pool of scratch slices for long arrays
	Call             string // decodes into *e
}

type pointerDecoder struct {
	Func, Elem, Call string // Call decodes into v
}

type root struct{ Type, Func string }

// leafDecoder decodes a value of a type with an UnmarshalJSON method, or a map or interface
// (with encoding/json), through a function of its own that takes a typed pointer: a call
// through an interface would make every value holding such a field escape to the heap.
type leafDecoder struct {
	Func, Type string
	Std        bool
}

type generator struct {
	structs  []structDecoder
	slices   []sliceDecoder
	pointers []pointerDecoder
	leaves   []leafDecoder
	roots    []root
	names    map[reflect.Type]string // type → the name its decoder function is built from
	used     map[string]bool         // function names taken
	done     map[reflect.Type]bool
	pkgs     map[string]bool
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// generate returns the source of decode.gen.go with decoders for roots and every type they
// reach, or an error naming a type it cannot decode exactly as encoding/json does.
func generate(roots []reflect.Type) ([]byte, error) {
	g := &generator{names: map[reflect.Type]string{}, used: map[string]bool{}, done: map[reflect.Type]bool{}, pkgs: map[string]bool{}}
	var err error
	for _, t := range roots {
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%v", r)
				}
			}()
			g.roots = append(g.roots, root{Type: g.typeExpr(t), Func: g.structFunc(t, t.Name())})
		}()
		if err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	pkgs := make([]string, 0, len(g.pkgs))
	for p := range g.pkgs {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	if err := tmpl.Execute(&buf, map[string]any{"Pkgs": pkgs, "Structs": g.structs, "Slices": g.slices, "Pointers": g.pointers, "Leaves": g.leaves, "Roots": g.roots}); err != nil {
		return nil, err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting: %v\n%s", err, buf.Bytes())
	}
	return src, nil
}

// typeExpr is how t is written in the generated file.
func (g *generator) typeExpr(t reflect.Type) string {
	g.addPkgs(t)
	if t.Name() != "" && t.PkgPath() != "" {
		return t.String()
	}
	return t.String() // composite: reflect spells it with package names, as the file imports them
}

func (g *generator) addPkgs(t reflect.Type) {
	if t.Name() != "" {
		if t.PkgPath() != "" {
			g.pkgs[t.PkgPath()] = true
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		g.addPkgs(t.Elem())
	case reflect.Map:
		g.addPkgs(t.Key())
		g.addPkgs(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			g.addPkgs(t.Field(i).Type)
		}
	}
}

// funcName returns a decoder function name from base not used yet.
func (g *generator) funcName(base string) string {
	name := "decode" + base
	for i := 2; g.used[name]; i++ {
		name = fmt.Sprintf("decode%s%d", base, i)
	}
	g.used[name] = true
	return name
}

// call returns a boolean expression that decodes into *p, a pointer to a t; hint names t when
// it is unnamed, intern says the field's strings are shared.
func (g *generator) call(t reflect.Type, p, hint string, intern bool) string {
	pt := reflect.PointerTo(t)
	if pt.Implements(unmarshalerType) {
		return g.leafFunc(t, hint, "unmarshaler") + "(d, " + p + ")"
	}
	if pt.Implements(textUnmarshalerType) {
		panic(fmt.Sprintf("%v: UnmarshalText is not supported", t))
	}
	conv := func(kind string) string {
		if t.Name() != kind {
			return "(*" + kind + ")(" + p + ")"
		}
		return p
	}
	switch t.Kind() {
	case reflect.String:
		if intern {
			return "d.strIntern(" + conv("string") + ")"
		}
		return "d.str(" + conv("string") + ")"
	case reflect.Bool:
		return "d.bool(" + conv("bool") + ")"
	case reflect.Int:
		return "d.int(" + conv("int") + ")"
	case reflect.Int32:
		return "d.int32(" + conv("int32") + ")"
	case reflect.Float64:
		return "d.float64(" + conv("float64") + ")"
	case reflect.Map, reflect.Interface:
		return g.leafFunc(t, hint, "std") + "(d, " + p + ")"
	case reflect.Struct:
		return g.structFunc(t, hint) + "(d, " + p + ")"
	case reflect.Slice:
		return g.sliceFunc(t, hint) + "(d, " + p + ")"
	case reflect.Pointer:
		return g.pointerFunc(t, hint) + "(d, " + p + ")"
	}
	panic(fmt.Sprintf("%v: kind %v is not supported", t, t.Kind()))
}

func (g *generator) baseName(t reflect.Type, hint string) string {
	if t.Name() != "" {
		return strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
	}
	return hint
}

func (g *generator) structFunc(t reflect.Type, hint string) string {
	if name, ok := g.names[t]; ok {
		return name
	}
	base := g.baseName(t, hint)
	name := g.funcName(base)
	g.names[t] = name
	s := structDecoder{Func: name, Type: g.typeExpr(t)}
	if t.NumField() > 64 {
		panic(fmt.Sprintf("%v: more than 64 fields", t))
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			panic(fmt.Sprintf("%v.%s: embedded fields are not supported", t, sf.Name))
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		jsonName, opts, _ := strings.Cut(tag, ",")
		if slices.Contains(strings.Split(opts, ","), "string") {
			panic(fmt.Sprintf("%v.%s: the string option is not supported", t, sf.Name))
		}
		if jsonName == "" {
			jsonName = sf.Name
		}
		if slices.Contains(s.Names, jsonName) {
			panic(fmt.Sprintf("%v: two fields named %q", t, jsonName))
		}
		intern := interned["*."+jsonName] || interned[t.Name()+"."+jsonName]
		s.Fields = append(s.Fields, field{JSON: jsonName, Bit: len(s.Fields), Call: g.call(sf.Type, "&v."+sf.Name, base+sf.Name, intern)})
		s.Names = append(s.Names, jsonName)
	}
	g.structs = append(g.structs, s)
	return name
}

func (g *generator) leafFunc(t reflect.Type, hint, kind string) string {
	if name, ok := g.names[t]; ok {
		return name
	}
	base := g.baseName(t, hint)
	if t.Name() == "" {
		base = hint
	} else if t.PkgPath() != "" {
		pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
		base = strings.ToUpper(pkg[:1]) + pkg[1:] + base
	}
	name := g.funcName(base)
	g.names[t] = name
	g.leaves = append(g.leaves, leafDecoder{Func: name, Type: g.typeExpr(t), Std: kind == "std"})
	return name
}

func (g *generator) sliceFunc(t reflect.Type, hint string) string {
	if name, ok := g.names[t]; ok {
		return name
	}
	elemBase := g.baseName(t.Elem(), hint+"Elem")
	if t.Elem().Kind() != reflect.Struct && t.Elem().Name() == "" {
		elemBase = hint + "Elem"
	}
	name := g.funcName(elemBase + "Slice")
	g.names[t] = name
	s := sliceDecoder{Func: name, Type: g.typeExpr(t), Elem: g.typeExpr(t.Elem()), Pool: "pool" + name[len("decode"):]}
	s.Call = g.call(t.Elem(), "e", elemBase, false)
	g.slices = append(g.slices, s)
	return name
}

func (g *generator) pointerFunc(t reflect.Type, hint string) string {
	if name, ok := g.names[t]; ok {
		return name
	}
	if t.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("%v: pointers to %v are not supported", t, t.Elem().Kind()))
	}
	base := g.baseName(t.Elem(), hint)
	name := g.funcName(base + "Ptr")
	g.names[t] = name
	p := pointerDecoder{Func: name, Elem: g.typeExpr(t.Elem())}
	p.Call = g.call(t.Elem(), "v", base, false)
	g.pointers = append(g.pointers, p)
	return name
}

var tmpl = template.Must(template.New("").Parse(`// Code generated by internal/cmd/decodergen; DO NOT EDIT.

package jsonx

import (
	"sync"
{{range .Pkgs}}	{{printf "%q" .}}
{{end}})

// decodeGenerated decodes data into v when v points to a type with a generated decoder:
// handled reports whether it does, ok whether the decoder took the whole document (when not,
// the value is zero again).
func decodeGenerated(data []byte, v any) (handled, ok bool) {
	switch p := v.(type) {
{{range .Roots}}	case *{{.Type}}:
		d := decoder{data: data}
		return true, wholeDocument(&d, p, {{.Func}}(&d, p))
{{end}}	}
	return false, false
}
{{range .Structs}}
func {{.Func}}(d *decoder, v *{{.Type}}) bool {
	if d.null() {
		return true
	}
	if !d.open('{') {
		return false
	}
	var seen uint64
	key, st := d.firstKey()
	for ; st == keyFound; key, st = d.nextKey() {
		switch string(key) {
{{range .Fields}}		case {{printf "%q" .JSON}}:
			if seen&(1<<{{.Bit}}) != 0 || !{{.Call}} {
				return false
			}
			seen |= 1 << {{.Bit}}
{{end}}		default:
			if !d.unknown(key, names{{slice .Func 6}}) {
				return false
			}
		}
	}
	return st == keyEnd
}

var names{{slice .Func 6}} = []string{ {{range .Names}}{{printf "%q" .}}, {{end}} }
{{end}}
{{range .Slices}}
var {{.Pool}} sync.Pool // of *{{.Type}}, scratch for arrays longer than the stack buffer

func {{.Func}}(d *decoder, p *{{.Type}}) bool {
	if d.null() {
		return true
	}
	if !d.open('[') {
		return false
	}
	if d.emptyArray() {
		*p = {{.Type}}{}
		return true
	}
	// The first elements are decoded on the stack, the rest into a pooled scratch slice;
	// the result is allocated once, of its length.
	var buf [stackElems]{{.Elem}}
	for n := 0; n < len(buf); {
		e := &buf[n]
		if !{{.Call}} {
			return false
		}
		n++
		more, ok := d.elem()
		if !ok {
			return false
		}
		if !more {
			*p = append({{.Type}}(nil), buf[:n]...)
			return true
		}
	}
	sp, _ := {{.Pool}}.Get().(*{{.Type}})
	if sp == nil {
		sp = new({{.Type}})
	}
	s := append((*sp)[:0], buf[:]...)
	var zero {{.Elem}}
	for {
		s = append(s, zero)
		e := &s[len(s)-1]
		if !{{.Call}} {
			return false
		}
		more, ok := d.elem()
		if !ok {
			return false
		}
		if !more {
			break
		}
	}
	*p = append({{.Type}}(nil), s...)
	clear(s)
	*sp = s[:0]
	{{.Pool}}.Put(sp)
	return true
}
{{end}}
{{range .Leaves}}
func {{.Func}}(d *decoder, p *{{.Type}}) bool {
{{- if .Std}}
	var v {{.Type}}
	ok := d.std(&v)
	*p = v
	return ok
{{- else}}
	raw, ok := d.raw()
	return ok && p.UnmarshalJSON(raw) == nil
{{- end}}
}
{{end}}
{{range .Pointers}}
func {{.Func}}(d *decoder, p **{{.Elem}}) bool {
	if d.null() {
		return true
	}
	v := new({{.Elem}})
	*p = v
	return {{.Call}}
}
{{end}}
`))
