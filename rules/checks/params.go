package checks

import (
	"fmt"
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// durationParam reads a duration parameter. Rule files may give a
// duration string ("250ms"), seconds as a number, or a time.Duration.
func durationParam(p *rules.Pass, name string) time.Duration {
	switch v := p.Param(name).(type) {
	case time.Duration:
		return v
	case string:
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	case int:
		return time.Duration(v) * time.Second
	case int64:
		return time.Duration(v) * time.Second
	case float64:
		return time.Duration(v * float64(time.Second))
	}
	panic(fmt.Sprintf("parameter %s: %v is not a duration", name, p.Param(name)))
}

// intParam reads an integer parameter.
func intParam(p *rules.Pass, name string) int {
	switch v := p.Param(name).(type) {
	case int:
		return v
	case int64:
		return int(v)
	case uint64:
		return int(v)
	case float64:
		return int(v)
	}
	panic(fmt.Sprintf("parameter %s: %v is not an integer", name, p.Param(name)))
}
