// Command {{project_name}}: {{description}}
package main

import (
	"flag"
	"fmt"
	"os"

	"{{module_path}}/internal/greeting"
)

func main() {
	name := flag.String("name", "world", "who to greet")
	flag.Parse()

	message, err := greeting.Greet(*name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "{{project_name}}:", err)
		os.Exit(1)
	}
	fmt.Println(message)
}
