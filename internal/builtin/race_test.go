//go:build race

package builtin

// corpusStride is how many corpus files TestPrefilterSound steps over per
// file it reads: the race detector makes regexps about ten times slower.
const corpusStride = 16
