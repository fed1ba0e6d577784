package main

import (
	"runtime/debug"
	"strings"
)

// toolVersion is disclose's module version as Go recorded it in the binary:
// v1.2.3 when installed or run as a tool at a release, a pseudo-version
// (v0.0.0-20261202074841-a72cde1b2c3d) at a commit, "(devel)" in a build
// from a work tree Go cannot date.
func toolVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// pinnable reports whether v names a published module version that a
// go.mod can require: not "(devel)" nor a build from modified files.
func pinnable(v string) bool {
	return strings.HasPrefix(v, "v") && !strings.Contains(v, "+dirty") && !strings.Contains(v, "(devel)")
}
