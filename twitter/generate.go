package twitter

// operations.gen.go holds the facts of every operation of the document (endpoint, outcome,
// accessors, pagination), iterators.gen.go the iterators of the paginated ones,
// enums.gen.go the values of every enum, methods.gen.go the single-page methods of the
// plain paginated reads (x-twitter-method), patterns.gen.go the patterns the facade checks
// ids and handles against, each named after its schema, and limits.gen.go the lengths,
// counts and ranges it checks arguments against, each named after its keyword and the
// place of the document that states it; written by internal/cmd/opfacts after gen/ is
// regenerated.
//go:generate go run ../internal/cmd/opfacts -spec ../openapi/twitter-v2.yaml -o operations.gen.go -test operations_gen_test.go -iter iterators.gen.go -enums enums.gen.go -methods methods.gen.go -patterns patterns.gen.go -limits limits.gen.go
