// Command disclose checks a privacy programme's data files and compiles them
// into published privacy notices. See "disclose --help".
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
