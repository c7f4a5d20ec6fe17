//go:build !race

package builtin

const corpusStride = 2
