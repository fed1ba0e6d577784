// Command gen writes compiler/model/zz_docs.go from the model's doc comments.
// Run it with "go generate ./compiler/model".
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
		src, err = docgen.Source("model", "docs", docs)
		if err == nil {
			err = os.WriteFile("zz_docs.go", src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}
