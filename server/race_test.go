//go:build race

package server

// raceEnabled is set when the tests run under the race detector, which
// makes linting about ten times slower.
const raceEnabled = true
