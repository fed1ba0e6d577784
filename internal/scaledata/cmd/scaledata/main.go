// Command scaledata writes a large data set in the sample's style into a
// project folder (its data/ is replaced), for scripts/scale.sh:
//
//	go run ./internal/scaledata/cmd/scaledata -processors 5000 -purposes 1000 -categories 1000 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/disclose-dev/disclose/internal/scaledata"
)

func main() {
	var o scaledata.Options
	flag.IntVar(&o.Processors, "processors", 0, "number of processors (0: the sample's)")
	flag.IntVar(&o.Purposes, "purposes", 0, "number of purposes (0: the sample's)")
	flag.IntVar(&o.Categories, "categories", 0, "number of categories (0: the sample's)")
	flag.IntVar(&o.PerFile, "per-file", 0, "items per file, in data/processors/*.yaml and the like (0: one file per section)")
	flag.IntVar(&o.Revision, "revision", 0, "the release of the data set to write (0: the first)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: scaledata [flags] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := scaledata.Write(flag.Arg(0), o); err != nil {
		fmt.Fprintln(os.Stderr, "scaledata:", err)
		os.Exit(1)
	}
}
