// Command offer checks, values and serves job-offer documents written in
// the offer language (*.offer.hcl, *.bands.hcl). Run `offer help`.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
