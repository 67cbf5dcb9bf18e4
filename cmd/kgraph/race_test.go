//go:build race

package main

// raceEnabled is true in a -race build: the browser tests skip there, as
// they test the pages, not the server's concurrency, and run in their own
// CI step without -race.
const raceEnabled = true
