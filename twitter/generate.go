package twitter

// operations.gen.go holds the facts of every operation of the document (endpoint, outcome,
// accessors, pagination), written by internal/cmd/opfacts after gen/ is regenerated.
//go:generate go run ../internal/cmd/opfacts -spec ../openapi/twitter-v2.yaml -o operations.gen.go -test operations_gen_test.go -iter iterators.gen.go
