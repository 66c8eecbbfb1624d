package ruleset

import (
	"strings"
	"testing"
)

func TestRuleFileErrorsArePositionedAndAllReported(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"a misspelt rule ID gets a suggestion",
			"rules:\n  rst-unexpcted: error\n",
			[]string{`rules.yaml:2:3: unknown rule "rst-unexpcted" (did you mean rst-unexpected?)`}},
		{"a misspelt key gets a suggestion",
			"rulez: {}\n",
			[]string{`rules.yaml:1:1: unknown key "rulez" (want version, extends, rules, custom) (did you mean rules?)`}},
		{"a bad severity",
			"rules:\n  rst-unexpected: warn\n",
			[]string{`rules.yaml:2:19: severity "warn" is not off, info, warning or error (did you mean warning?)`}},
		{"a wrong type",
			"rules: [a, b]\n",
			[]string{`rules.yaml:1:8: rules wants a mapping of rule IDs to severities, not a list`}},
		{"an unknown param",
			"rules:\n  retransmission:\n    params: {max-per-conection: 3}\n",
			[]string{`rules.yaml:3:14: retransmission has no parameter "max-per-conection" (it has max-per-connection) (did you mean max-per-connection?)`}},
		{"a param of the wrong type",
			"rules:\n  retransmission:\n    params: {max-per-connection: lots}\n  handshake-slow:\n    params: {max: 3}\n",
			[]string{`rules.yaml:3:34: retransmission: parameter max-per-connection: want a whole number, not "lots"`,
				`rules.yaml:5:19: handshake-slow: parameter max: want a duration like 200ms or 1.5s, not "3"`}},
		{"a param out of its bounds",
			"rules:\n  handshake-slow:\n    params: {max: 2h}\n  retransmission:\n    params: {max-per-connection: -1}\n",
			[]string{`rules.yaml:3:19: handshake-slow: parameter max: want at most 1h, not 2h`,
				`rules.yaml:5:34: retransmission: parameter max-per-connection: want at least 0, not -1`}},
		{"params of float, bool and bytes",
			"rules:\n  window-full:\n    params: {ratio: 2.5, exact: 1, keep: 2MiB}\n",
			[]string{`rules.yaml:3:21: window-full: parameter ratio: want at most 2, not 2.5`,
				`rules.yaml:3:33: window-full: parameter exact: want true or false, not "1"`,
				`rules.yaml:3:42: window-full: parameter keep: want at most 1048576, not 2097152`}},
		{"a bad scope",
			"rules:\n  retransmission:\n    ignore: [\"prot 22\", \"net 10.0.0.0\", \"port 70000\"]\n",
			[]string{`rules.yaml:3:14: scope "prot 22": unknown selector "prot" (want host, net or port) (did you mean port?)`,
				`rules.yaml:3:25: scope "net 10.0.0.0": net "10.0.0.0" is not a network like 10.0.0.0/8`,
				`rules.yaml:3:41: scope "port 70000": port "70000" is not a number from 1 to 65535`}},
		{"a bad version and extends",
			"version: 2\nextends: [a]\n",
			[]string{`rules.yaml:1:10: version must be 1, not "2"`,
				`rules.yaml:2:10: extends wants default, strict, minimal or a path to a rule file, not a list`}},
		{"an expression error points inside the expression",
			"custom:\n  - id: x\n    when: conn.packets > 3 && conn.sever.port == 80\n",
			[]string{`rules.yaml:3:36: when: conn has no field sever`}},
		{"an expression in a quoted string",
			"custom:\n  - id: x\n    when: \"conn.packets > 'a'\"\n",
			[]string{`rules.yaml:3:25: when: invalid operation: > (mismatched types int64 and string)`}},
		{"an expression in a block scalar",
			"custom:\n  - id: x\n    when: |\n      conn.packets > 3 &&\n        conn.bogus\n",
			[]string{`rules.yaml:5:14: when: conn has no field bogus`}},
		{"a condition that is not boolean",
			"custom:\n  - id: x\n    when: conn.packets\n",
			[]string{`rules.yaml:3:11: when: expected bool, but got int64`}},
		{"a message placeholder error",
			"custom:\n  - id: x\n    when: 'true'\n    message: \"saw {{conn.pakets}} packets\"\n",
			[]string{`rules.yaml:4:26: message: conn has no field pakets`}},
		{"an unclosed placeholder",
			"custom:\n  - id: x\n    when: 'true'\n    message: saw {{conn.packets\n",
			[]string{`rules.yaml:4:18: message: {{ without a closing }}`}},
		{"custom rule keys and ids",
			"custom:\n  - id: rst-unexpected\n    when: 'true'\n  - when: 'true'\n    on: segmnt\n    sevrity: info\n  - id: Bad!\n",
			[]string{`rules.yaml:2:9: custom rule id "rst-unexpected" is a built-in check's; choose another`,
				`rules.yaml:4:5: custom rule has no id`,
				`rules.yaml:5:9: on must be connection or segment, not "segmnt" (did you mean segment?)`,
				`rules.yaml:6:5: unknown key "sevrity" (want id, severity, on, when, message, ignore) (did you mean severity?)`,
				`rules.yaml:7:5: custom rule (unnamed) has no when: condition`,
				`rules.yaml:7:9: custom rule id "Bad!" must be lower-case letters, digits, '-', '_' or '.'`}},
		{"YAML syntax errors carry their line",
			"rules:\n  a: b\n c: d\n",
			[]string{`rules.yaml:2: did not find expected key`}},
		{"YAML syntax errors without a line",
			"a: b: c\n",
			[]string{`rules.yaml: mapping values are not allowed in this context`}},
		{"a second document",
			"rules: {}\n---\nrules: {}\n",
			[]string{`rules.yaml:2:1: a rule file holds one YAML document; remove the second`}},
		{"a key given twice",
			"rules:\n  retransmission:\n    severity: info\n    severity: error\n",
			[]string{`rules.yaml:4:5: severity given twice`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("rules.yaml", []byte(tt.src), stubChecks())
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
