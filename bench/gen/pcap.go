package main

import (
	"encoding/binary"
	"io"
	"math/rand/v2"
)

// TCP flag bits.
const (
	flagFIN = 0x01
	flagSYN = 0x02
	flagPSH = 0x08
	flagACK = 0x10
)

const (
	ethLen = 14
	ipLen  = 20
	// TCP header with the timestamp option (NOP, NOP, TS) and, on SYNs,
	// MSS, SACK-permitted and window scale.
	tcpLen    = 32
	tcpSYNLen = 44
)

// generator writes the pcap stream.
type generator struct {
	w        io.Writer
	conns    []*conn
	segs     int
	payload  int
	loss     float64
	rng      *rand.Rand
	nextPort uint16
	usec     int64
	packets  int64
	written  int64
	buf      []byte
	zeros    []byte
	err      error
}

func newGenerator(w io.Writer, live, segs, payload int, loss float64, rng *rand.Rand) *generator {
	g := &generator{w: w, segs: segs, payload: payload, loss: loss, rng: rng, nextPort: 10000,
		usec: 1_700_000_000_000_000, buf: make([]byte, 16+ethLen+ipLen+tcpSYNLen), zeros: make([]byte, payload)}
	for i := 0; i < live; i++ {
		g.conns = append(g.conns, g.newConn())
	}
	return g
}

func (g *generator) newConn() *conn {
	g.nextPort++
	if g.nextPort < 10000 {
		g.nextPort = 10000
	}
	return &conn{port: g.nextPort, cliISN: g.rng.Uint32(), srvISN: g.rng.Uint32(), lost: -1, total: g.segs}
}

// run writes the file header, then packets round-robin over the live
// connections until a limit is reached.
func (g *generator) run(maxPackets, maxBytes int64) error {
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], 262144)
	binary.LittleEndian.PutUint32(hdr[20:], 1) // Ethernet
	if _, err := g.w.Write(hdr); err != nil {
		return err
	}
	g.written = 24
	for {
		for i, c := range g.conns {
			if g.err != nil {
				return g.err
			}
			if (maxPackets > 0 && g.packets >= maxPackets) || (maxBytes > 0 && g.written >= maxBytes) {
				return nil
			}
			c.step(g)
			if c.phase == phaseDone {
				g.conns[i] = g.newConn()
			}
		}
	}
}

// emit writes one packet. fromServer picks the direction.
func (g *generator) emit(c *conn, fromServer bool, flags byte, seq, ack, payload uint32, syn bool) {
	g.usec += int64(1 + g.rng.IntN(40))
	thl := tcpLen
	if syn {
		thl = tcpSYNLen
	}
	wire := ethLen + ipLen + thl + int(payload)
	b := g.buf[:16+ethLen+ipLen+thl]
	clear(b)
	binary.LittleEndian.PutUint32(b[0:], uint32(g.usec/1e6))
	binary.LittleEndian.PutUint32(b[4:], uint32(g.usec%1e6))
	binary.LittleEndian.PutUint32(b[8:], uint32(wire))
	binary.LittleEndian.PutUint32(b[12:], uint32(wire))
	e := b[16:]
	e[5], e[11] = 2, 1 // MACs 00:..:02 and 00:..:01
	binary.BigEndian.PutUint16(e[12:], 0x0800)
	ip := e[ethLen:]
	ip[0], ip[8], ip[9] = 0x45, 64, 6
	binary.BigEndian.PutUint16(ip[2:], uint16(ipLen+thl+int(payload)))
	binary.BigEndian.PutUint16(ip[4:], uint16(g.packets))
	ip[6] = 0x40 // DF
	src, dst := [4]byte{10, 0, 0, 1}, [4]byte{10, 0, 0, 2}
	sport, dport := c.port, uint16(80)
	if fromServer {
		src, dst, sport, dport = dst, src, dport, sport
	}
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], ipChecksum(ip[:ipLen]))
	t := ip[ipLen:]
	binary.BigEndian.PutUint16(t[0:], sport)
	binary.BigEndian.PutUint16(t[2:], dport)
	binary.BigEndian.PutUint32(t[4:], seq)
	binary.BigEndian.PutUint32(t[8:], ack)
	t[12] = byte(thl/4) << 4
	t[13] = flags
	binary.BigEndian.PutUint16(t[14:], 2048) // ×128 with wscale 7 = 256 KiB
	o := t[20:]
	if syn {
		o[0], o[1] = 2, 4
		binary.BigEndian.PutUint16(o[2:], 1460)
		o[4], o[5] = 4, 2 // SACK permitted
		o[6], o[7], o[8], o[9] = 1, 3, 3, 7
		o = o[12:]
	}
	o[0], o[1], o[2], o[3] = 1, 1, 8, 10
	binary.BigEndian.PutUint32(o[4:], uint32(g.usec/1000))
	binary.BigEndian.PutUint32(o[8:], uint32(g.usec/1000-1))
	g.out(b)
	if payload > 0 {
		g.out(g.zeros[:payload])
	}
	g.packets++
}

// out writes bytes, keeping the first write error for run to return.
func (g *generator) out(b []byte) {
	if g.err != nil {
		return
	}
	n, err := g.w.Write(b)
	g.written += int64(n)
	g.err = err
}

func ipChecksum(h []byte) uint16 {
	var s uint32
	for i := 0; i < len(h); i += 2 {
		s += uint32(h[i])<<8 | uint32(h[i+1])
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}
