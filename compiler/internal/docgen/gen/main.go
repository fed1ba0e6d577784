// Command gen writes zz_docs.go from the doc comments of the package it is
// generated in: the model's (go generate ./compiler/model) and each rule
// pack's own data types (go generate ./compiler/jurisdiction/...).
package main

import (
	"fmt"
	"os"

	"github.com/disclose-dev/disclose/compiler/internal/docgen"
)

func main() {
	docs, err := docgen.Extract(".")
	if err == nil {
		var src []byte
		src, err = docgen.Source(pkg(), "docs", docs)
		if err == nil {
			err = os.WriteFile("zz_docs.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

// pkg is the package go generate runs in.
func pkg() string {
	if p := os.Getenv("GOPACKAGE"); p != "" {
		return p
	}
	return "model"
}
