package html_test

import (
	"fmt"
	"log"

	"github.com/pcaplint/pcaplint/render/html"
	"github.com/pcaplint/pcaplint/rules"
)

// Link the diagrams lint --diagrams-dir out/diagrams drew from a page
// written to site/index.html: each is given relative to the directory,
// and linked relative to the page.
func ExampleLinked() {
	drawn := map[string]map[int]string{"caps/a.pcap": {1: "caps/a.pcap/1-10.0.0.1_40000-10.0.0.2_80.svg"}}
	o, err := html.Linked("site/index.html", "out/diagrams", drawn, nil, rules.English)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Diagrams["caps/a.pcap"][1]) // html.Write(w, rep, o) shows it
	// Output:
	// ../out/diagrams/caps/a.pcap/1-10.0.0.1_40000-10.0.0.2_80.svg
}
