# Everything runs through the go command; the only tools are the ones pinned in go.mod (tools.go).
GO          ?= go
# Nested modules (redisstate/) have no tool line of their own: they run staticcheck by version.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
SPEC        := openapi/twitter-v2.yaml
PKGS_LINT    = $(shell $(GO) list ./... | grep -v '/gen$$')

.PHONY: all generate check-generated vet test test-short lint bench bench-all tour spec-facts
.PHONY: spec-drift

all: test lint

## generate: regenerate gen/ from the API document (same as `go generate ./...`).
generate:
	$(GO) generate ./...

## check-generated: regenerate into a temporary folder and fail if gen/, the facade's
## generated files (twitter/*.gen.go: operation facts, iterators, enums, methods, patterns, limits)
## or the decoders of the generated types (internal/jsonx/decode.gen.go) differ.
check-generated:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	sed "s|^output:.*|output: $$tmp/twitter.gen.go|" gen/oapi-codegen.yaml > "$$tmp/config.yaml" && \
	(cd gen && $(GO) tool oapi-codegen -config "$$tmp/config.yaml" ../$(SPEC)) && \
	if ! cmp -s "$$tmp/twitter.gen.go" gen/twitter.gen.go; then \
		echo "gen/twitter.gen.go is stale: run 'go generate ./...' and commit the result"; \
		diff -u gen/twitter.gen.go "$$tmp/twitter.gen.go" | head -40; exit 1; \
	fi; echo "gen/ is current" && \
	$(GO) run ./internal/cmd/opfacts -spec $(SPEC) -facade twitter -o "$$tmp/operations.gen.go" \
		-test "$$tmp/operations_gen_test.go" -iter "$$tmp/iterators.gen.go" -enums "$$tmp/enums.gen.go" \
		-methods "$$tmp/methods.gen.go" -patterns "$$tmp/patterns.gen.go" -limits "$$tmp/limits.gen.go" && \
	for f in operations.gen.go operations_gen_test.go iterators.gen.go enums.gen.go methods.gen.go patterns.gen.go limits.gen.go; do \
		if ! cmp -s "$$tmp/$$f" twitter/$$f; then \
			echo "twitter/$$f is stale: run 'go generate ./...' and commit the result"; \
			diff -u twitter/$$f "$$tmp/$$f" | head -40; exit 1; \
		fi; \
	done; echo "twitter/operations.gen.go, iterators.gen.go, enums.gen.go, methods.gen.go, patterns.gen.go and limits.gen.go are current" && \
	$(GO) run ./internal/cmd/decodergen -o "$$tmp/decode.gen.go" && \
	if ! cmp -s "$$tmp/decode.gen.go" internal/jsonx/decode.gen.go; then \
		echo "internal/jsonx/decode.gen.go is stale: run 'go generate ./...' and commit the result"; \
		diff -u internal/jsonx/decode.gen.go "$$tmp/decode.gen.go" | head -40; exit 1; \
	fi; echo "internal/jsonx/decode.gen.go is current"

vet:
	$(GO) vet ./...

## test: what CI runs. Generated code current, vet clean, every test with the race detector.
test: check-generated vet
	$(GO) test -race -count=1 ./...
	cd otel && $(GO) test -race -count=1 ./...   # the OpenTelemetry adapter, a module of its own

test-short:
	$(GO) test -short ./...

## lint: gofmt and staticcheck on hand-written code (gen/ is generated and excluded).
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^gen/twitter.gen.go$$')); \
	if [ -n "$$out" ]; then echo "not gofmt-formatted:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck $(PKGS_LINT)
	cd otel && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...

## bench: the performance goals, each measured against its floor in the same run, five
## times, as the table README's "Performance" shows: the median run (internal/cmd/benchtable).
bench:
	$(GO) test -run '^$$' -bench Goal -benchmem -count 5 ./twitter ./internal/jsonx | $(GO) run ./internal/cmd/benchtable

## bench-all: every benchmark of the module.
bench-all:
	$(GO) test -run '^$$' -bench . -benchmem ./...

tour:
	$(GO) run ./examples/tour

## spec-facts: check the document against X's published facts (needs ../shared).
spec-facts:
	../shared/tools/spec-facts

## spec-drift: where the document differs from X's live one (GET /2/openapi.json, no credentials).
## SPEC_DRIFT_FLAGS="-file doc.json" reads a document from disk, "-json" writes JSON; exit 1 on drift.
spec-drift:
	$(GO) run ./openapi/cmd/specdrift $(SPEC_DRIFT_FLAGS)

## test-redisstate: the redisstate module's tests (its own go.mod), against a redis-server
## of their own that scripts/with-redis starts on a loopback port (and installs, as root).
test: test-redisstate
lint: lint-redisstate
.PHONY: test-redisstate lint-redisstate bench-redisstate
test-redisstate:
	cd redisstate && $(GO) vet ./... && ../scripts/with-redis $(GO) test -race -count=1 ./...
lint-redisstate:
	cd redisstate && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...
bench-redisstate:
	cd redisstate && ../scripts/with-redis $(GO) test -run '^$$' -bench . -benchtime 2000x ./...
