//go:build tools

// Package tools pins the versions of the programs the module is built and checked with: the
// code generator of gen/ (oapi-codegen) and the linter of `make lint` (staticcheck). Their
// versions are go.mod's, so `go tool oapi-codegen` (which `go generate ./...` runs) and
// `go tool staticcheck` (which `make lint` runs) need no global install. The build tag keeps
// this file, and the tools, out of every build of the module's packages: programs that
// import the module do not depend on them. go.mod's tool lines name the same tools
// (tools_test.go checks it).
package tools

import (
	_ "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"
	_ "honnef.co/go/tools/cmd/staticcheck"
)
