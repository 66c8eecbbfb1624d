package main

// phase is where a synthetic connection is in its life.
type phase uint8

const (
	phaseSYN phase = iota
	phaseSYNACK
	phaseACK
	phaseData
	phaseClose
	phaseDone
)

// conn is one synthetic connection: a client on an ephemeral port
// downloading from the server on port 80.
type conn struct {
	port      uint16
	phase     phase
	cliISN    uint32
	srvISN    uint32
	sent      int // data segments sent by the server
	acked     int // data segments acknowledged by the client
	lost      int // index of a lost segment awaiting repair, or -1
	dupAcks   int
	closeStep int
	total     int
	sinceAck  int
}

// step emits the connection's next packet through g.
func (c *conn) step(g *generator) {
	switch c.phase {
	case phaseSYN:
		g.emit(c, false, flagSYN, c.cliISN, 0, 0, true)
		c.phase = phaseSYNACK
	case phaseSYNACK:
		g.emit(c, true, flagSYN|flagACK, c.srvISN, c.cliISN+1, 0, true)
		c.phase = phaseACK
	case phaseACK:
		g.emit(c, false, flagACK, c.cliISN+1, c.srvISN+1, 0, false)
		c.phase = phaseData
	case phaseData:
		c.dataStep(g)
	case phaseClose:
		c.closeStepEmit(g)
	}
}

// dataStep sends the next data segment, the client's ACK of every second
// one, and repairs a loss: duplicate ACKs, then the fast retransmission.
func (c *conn) dataStep(g *generator) {
	pl := uint32(g.payload)
	seqOf := func(i int) uint32 { return c.srvISN + 1 + uint32(i)*pl }
	if c.lost >= 0 {
		if c.dupAcks < 3 {
			// Each segment after the hole draws a duplicate ACK.
			if c.sent < c.total {
				g.emit(c, true, flagACK|flagPSH, seqOf(c.sent), c.cliISN+1, pl, false)
				c.sent++
			}
			g.emit(c, false, flagACK, c.cliISN+1, seqOf(c.lost), 0, false)
			c.dupAcks++
			return
		}
		g.emit(c, true, flagACK|flagPSH, seqOf(c.lost), c.cliISN+1, pl, false)
		g.emit(c, false, flagACK, c.cliISN+1, seqOf(c.sent), 0, false)
		c.lost, c.dupAcks, c.acked, c.sinceAck = -1, 0, c.sent, 0
		return
	}
	if c.sent == c.total {
		if c.acked < c.sent {
			g.emit(c, false, flagACK, c.cliISN+1, seqOf(c.sent), 0, false)
			c.acked = c.sent
		}
		c.phase = phaseClose
		return
	}
	if g.rng.Float64() < g.loss && c.sent > 0 && c.sent < c.total-4 {
		c.lost = c.sent // the capture point is the receiver: a lost segment never shows
		c.sent++
		return
	}
	g.emit(c, true, flagACK|flagPSH, seqOf(c.sent), c.cliISN+1, pl, false)
	c.sent++
	c.sinceAck++
	if c.sinceAck == 2 {
		g.emit(c, false, flagACK, c.cliISN+1, seqOf(c.sent), 0, false)
		c.acked, c.sinceAck = c.sent, 0
	}
}

// closeStepEmit plays the four-way close, server first.
func (c *conn) closeStepEmit(g *generator) {
	end := c.srvISN + 1 + uint32(c.total*g.payload)
	switch c.closeStep {
	case 0:
		g.emit(c, true, flagFIN|flagACK, end, c.cliISN+1, 0, false)
	case 1:
		g.emit(c, false, flagACK, c.cliISN+1, end+1, 0, false)
	case 2:
		g.emit(c, false, flagFIN|flagACK, c.cliISN+1, end+1, 0, false)
	case 3:
		g.emit(c, true, flagACK, end+1, c.cliISN+2, 0, false)
		c.phase = phaseDone
	}
	c.closeStep++
}
