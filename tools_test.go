package tools

import (
	"bufio"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// toolLines returns the packages of go.mod's tool directives, single or in a block.
func toolLines(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tools []string
	inBlock := false
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "tool (":
			inBlock = true
		case inBlock && line == ")":
			inBlock = false
		case inBlock && line != "":
			tools = append(tools, line)
		case strings.HasPrefix(line, "tool "):
			tools = append(tools, strings.TrimSpace(strings.TrimPrefix(line, "tool ")))
		}
	}
	slices.Sort(tools)
	return tools
}

// toolImports returns the packages tools.go imports.
func toolImports(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("tools.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(src), "//go:build tools\n") {
		t.Errorf("tools.go does not start with //go:build tools: it would be built into the module")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "tools.go", src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	var imports []string
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			t.Fatal(err)
		}
		imports = append(imports, path)
	}
	slices.Sort(imports)
	return imports
}

func TestToolsAgreeWithGoMod(t *testing.T) {
	tools, imports := toolLines(t), toolImports(t)
	if len(tools) == 0 {
		t.Fatal("go.mod has no tool lines")
	}
	if !slices.Equal(tools, imports) {
		t.Errorf("go.mod's tool lines %q and tools.go's imports %q differ", tools, imports)
	}
	for _, want := range []string{"github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen", "honnef.co/go/tools/cmd/staticcheck"} {
		if !slices.Contains(tools, want) {
			t.Errorf("no tool %s", want)
		}
	}
}

func TestToolsStayOutOfTheLibrary(t *testing.T) {
	// What a program importing the module builds: the packages it may import and theirs.
	out, err := exec.Command("go", "list", "-deps", "./twitter/...", "./twittertest/...", "./gen/...", "./openapi/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 || !slices.Contains(deps, "github.com/twitterkit/go/twitter") {
		t.Fatalf("go list -deps gave %d packages, not the library's", len(deps))
	}
	for _, tool := range toolImports(t) {
		module := tool[:strings.Index(tool, "/cmd/")]
		for _, d := range deps {
			if strings.HasPrefix(d, module) {
				t.Errorf("the library depends on %s, a package of the tool %s", d, tool)
			}
		}
	}
}
