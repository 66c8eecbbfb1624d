package ruledoc_test

import (
	"os"

	"github.com/pcaplint/pcaplint/render/ruledoc"
	"github.com/pcaplint/pcaplint/rules"
)

func ExampleList() {
	ruledoc.List(os.Stdout, []*rules.Check{
		{ID: "rst-unexpected", Default: rules.Warning, Title: "A RST aborts an established connection"},
		{ID: "keep-alive", Default: rules.Info, Title: "A keep-alive probe"},
	})
	// Output:
	// ID              DEFAULT  TITLE
	// rst-unexpected  warning  A RST aborts an established connection
	// keep-alive      info     A keep-alive probe
}
