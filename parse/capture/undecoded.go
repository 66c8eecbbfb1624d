package capture

import (
	"strconv"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// undecodedLink counts a packet of a link type the decoder does not know.
// The first one is reported as a problem with its position and named in
// Stats, so that a capture of IP over InfiniBand, say, is not mistaken
// for one without TCP: its packets were never looked into.
func (r *Reader) undecodedLink(pos tcp.Pos) {
	r.stats.OtherLink++
	r.stats.UndecodedLink++
	if r.stats.UndecodedLinkType != "" {
		return
	}
	r.stats.UndecodedLinkType = strconv.Itoa(int(r.rec.LinkType))
	r.stats.Report(tcp.Problem{Pos: pos, Msg: "link type " + r.stats.UndecodedLinkType + " is not decoded: its packets are skipped"})
}
