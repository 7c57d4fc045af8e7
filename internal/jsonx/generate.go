package jsonx

//go:generate go run ../cmd/decodergen -o decode.gen.go
