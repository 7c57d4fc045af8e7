// Command specdrift reports where the module's API document (openapi/twitter-v2.yaml)
// differs from the one X publishes: operations either side lacks, parameters, enum values,
// request-body, response and object fields, success statuses. X's "post" renames of the
// tweet names our document keeps are reported as renames, and differences our document
// states on purpose (x-differences-from-published) as stated, with their reasons.
//
// Usage:
//
//	go run ./openapi/cmd/specdrift                  # X's live document, GET https://api.x.com/2/openapi.json
//	go run ./openapi/cmd/specdrift -base URL        # another host serving /2/openapi.json
//	go run ./openapi/cmd/specdrift -file doc.json   # a document on disk (JSON or YAML)
//	go run ./openapi/cmd/specdrift -json            # the report as JSON
//
// It exits 0 when nothing differs but what is stated or renamed, 1 on drift, 2 when a
// document cannot be had or read.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/twitterkit/go/openapi"
	"github.com/twitterkit/go/openapi/drift"
	"github.com/twitterkit/go/twitter"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) }

// run is the command, with its exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("specdrift", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", twitter.DefaultBaseURL, "API host whose /2/openapi.json is X's document")
	file := fs.String("file", "", "read X's document from this file (JSON or YAML) instead of the API")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	timeout := fs.Duration("timeout", 30*time.Second, "time allowed for fetching the document")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "specdrift: unexpected arguments %q\n", fs.Args())
		return 2
	}

	ours, err := openapi.Load()
	if err != nil {
		fmt.Fprintln(stderr, "specdrift:", err)
		return 2
	}
	theirs, name, err := theirDocument(ctx, *base, *file, *timeout)
	if err != nil {
		fmt.Fprintln(stderr, "specdrift:", err)
		return 2
	}
	report, err := drift.Compare(ours, theirs)
	if err != nil {
		fmt.Fprintln(stderr, "specdrift:", err)
		return 2
	}
	report.Ours.Name, report.Theirs.Name = "openapi/twitter-v2.yaml", name
	write := report.WriteText
	if *asJSON {
		write = report.WriteJSON
	}
	if err := write(stdout); err != nil {
		fmt.Fprintln(stderr, "specdrift:", err)
		return 2
	}
	if report.DriftCount > 0 {
		return 1
	}
	return 0
}

// theirDocument reads X's document from file, or fetches it from base.
func theirDocument(ctx context.Context, base, file string, timeout time.Duration) (*openapi3.T, string, error) {
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, "", err
		}
		doc, err := drift.Parse(file, data)
		return doc, file, err
	}
	c, err := twitter.NewClient(twitter.WithBaseURL(base), twitter.WithHTTPClient(&http.Client{Timeout: timeout}))
	if err != nil {
		return nil, "", err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	name := strings.TrimRight(base, "/") + "/2/openapi.json"
	doc, err := drift.Fetch(ctx, c, name)
	return doc, name, err
}
