// Package english finds English sentences in text meant to be in another
// language, for the tests that want Chinese output to hold none: the
// explanations, lint's reports, the HTML page and the diagrams' legends.
package english

import (
	"regexp"
	"strings"
)

// wordRE is a word of English: ASCII letters, perhaps with an apostrophe
// ("client's").
var wordRE = regexp.MustCompile(`^[A-Za-z]+('[a-z]+)?$`)

// kept are the Latin words a Chinese text keeps as they are: flag and
// option names, RFC state names, units of protocol fields, tool and
// protocol names.
var kept = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`TCP SYN ACK FIN RST PSH URG ECE CWR ECN MSS SACK D TSval TSecr TS Recent RFC
		PAWS IP ID ISN nxt ack seq win j k MSL Zeek history Fast Open cookie tcpdump any q S i
		CLOSED LISTEN ESTABLISHED CLOSING SPAN max per connection`) {
		kept[w] = true
	}
}

// numberRE is a number, an address or a port: neutral in a sentence.
var numberRE = regexp.MustCompile(`^[0-9][0-9.:/+×=-]*$`)

// Sentence returns the first run of three or more English words in s
// that a Chinese text does not keep as they are, or "". Numbers and
// addresses neither count nor end a run ("from client 10.0.0.1:40000
// with"); anything else ends it: Chinese, a rule ID, a tcpdump flag.
func Sentence(s string) string {
	var run []string
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(" ,()[]:;.\"'", r)
	}) {
		switch {
		case wordRE.MatchString(tok) && !kept[tok]:
			run = append(run, tok)
			if len(run) >= 3 {
				return strings.Join(run, " ")
			}
		case numberRE.MatchString(tok):
		default:
			run = run[:0]
		}
	}
	return ""
}
