// Command peer plays one TCP scenario on loopback, as both client and server,
// so that record.sh can capture it with tcpdump. Ports and payloads are fixed,
// so two recordings of one scenario differ only in what the kernel chooses
// (ISNs, timestamps, timing).
//
// Usage:
//
//	peer -list          print "name<TAB>port<TAB>host" for every scenario
//	peer SCENARIO       play one scenario and exit 0 if it went as planned
//	peer -serve ADDR -size N    one end of a download, for lossy.sh, which
//	peer -fetch ADDR -size N    runs them in two network namespaces
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// The request and response of every short exchange. Their lengths are what
// the README and the expected findings count on.
var (
	request  = []byte("HELLO\r\n")           // 7 bytes
	response = []byte("RESPONSE 18 BYTES\n") // 18 bytes
)

// scenario is one recording: the server port tcpdump filters on, the
// loopback host, and the function that plays it.
type scenario struct {
	name string
	port int
	host string
	doc  string
	play func(s scenario) error
}

var scenarios = []scenario{
	{"clean", 9101, "127.0.0.1", "7-byte request, 18-byte response, client closes first: 4-way close", playClean},
	{"rst-abort", 9102, "127.0.0.1", "server closes with 5 unread bytes: the kernel resets", playRSTAbort},
	{"refused", 9103, "127.0.0.1", "connect to a closed port: RST,ACK", playRefused},
	{"ipv6", 9104, "::1", "the clean exchange on [::1]", playClean},
	{"parallel", 9105, "127.0.0.1", "20 concurrent clean exchanges", playParallel},
	{"zero-window", 9106, "127.0.0.1", "server stops reading with a small receive buffer: zero window, probes, window update", playZeroWindow},
	{"keepalive", 9107, "127.0.0.1", "idle 3.5 s with 1 s keep-alives", playKeepalive},
	{"half-close", 9108, "127.0.0.1", "client shuts down its write side, server goes on sending", playHalfClose},
	{"bulk", 9109, "127.0.0.1", "2 MiB download with MSS 1460", playBulk},
	{"loss", 9110, "127.0.0.1", "256 KiB download with MSS 1460 under packet loss", playLoss},
	{"rst-reuse", 9111, "127.0.0.1", "client aborts with SO_LINGER 0 after the exchange, then reuses its port 300 ms later for a clean exchange", playRSTReuse},
}

const (
	// clientPortBase + (port-9100)*100 + i is the client's port, so that the
	// same scenario always uses the same 4-tuples.
	clientPortBase = 40000
	// deadline bounds every scenario: a recording never hangs.
	deadline = 30 * time.Second
	// mss of the bulk transfers: loopback's 65483 would make a 2 MiB
	// transfer a few dozen segments.
	mss = 1460
)

func main() {
	list := flag.Bool("list", false, "print the scenarios, one a line: name, port, host, description")
	serveAddr := flag.String("serve", "", "accept one download on this address, send -size bytes, close")
	fetchAddr := flag.String("fetch", "", "download -size bytes from this address and check them")
	size := flag.Int("size", 512<<10, "bytes of a -serve or -fetch download")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: peer -list | peer SCENARIO | peer -serve|-fetch ADDR [-size N]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *serveAddr != "" || *fetchAddr != "" {
		if err := splitDownload(*serveAddr, *fetchAddr, *size); err != nil {
			fmt.Fprintf(os.Stderr, "peer: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if *list {
		for _, s := range scenarios {
			fmt.Printf("%s\t%d\t%s\t%s\n", s.name, s.port, s.host, s.doc)
		}
		return
	}
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	s, ok := find(flag.Arg(0))
	if !ok {
		fmt.Fprintf(os.Stderr, "peer: unknown scenario %q (see peer -list)\n", flag.Arg(0))
		os.Exit(2)
	}
	if err := s.play(s); err != nil {
		fmt.Fprintf(os.Stderr, "peer: %s: %v\n", s.name, err)
		os.Exit(1)
	}
}

func find(name string) (scenario, bool) {
	for _, s := range scenarios {
		if s.name == name {
			return s, true
		}
	}
	return scenario{}, false
}

// addr is the scenario's server address.
func (s scenario) addr() string {
	return net.JoinHostPort(s.host, strconv.Itoa(s.port))
}

// sockopts returns a Control function that sets SO_REUSEADDR (the fixed
// client ports are often still in TIME_WAIT from the last recording) and the
// given extra integer options, before bind.
func sockopts(extra ...[3]int) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) {
			opts := append([][3]int{{syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1}}, extra...)
			for _, o := range opts {
				if serr = syscall.SetsockoptInt(int(fd), o[0], o[1], o[2]); serr != nil {
					serr = fmt.Errorf("setsockopt(%d, %d, %d): %w", o[0], o[1], o[2], serr)
					return
				}
			}
		})
		if err != nil {
			return err
		}
		return serr
	}
}

// listen opens the scenario's server socket with the given extra options.
func (s scenario) listen(extra ...[3]int) (net.Listener, error) {
	lc := net.ListenConfig{Control: sockopts(extra...)}
	return lc.Listen(context.Background(), "tcp", s.addr())
}

// dialer returns a dialer bound to the i-th fixed client port.
func (s scenario) dialer(i int, extra ...[3]int) *net.Dialer {
	port := clientPortBase + (s.port-9100)*100 + i
	return &net.Dialer{
		LocalAddr: &net.TCPAddr{IP: net.ParseIP(s.host), Port: port},
		Control:   sockopts(extra...),
		KeepAlive: -1, // Go turns keep-alives on by default; only the keepalive scenario wants them
		Timeout:   5 * time.Second,
	}
}

// dial connects the i-th client and bounds the connection by the deadline.
func (s scenario) dial(d *net.Dialer) (*net.TCPConn, error) {
	c, err := d.Dial("tcp", s.addr())
	if err != nil {
		return nil, err
	}
	c.SetDeadline(time.Now().Add(deadline))
	return c.(*net.TCPConn), nil
}

// accept takes one connection and bounds it by the deadline.
func accept(ln net.Listener) (*net.TCPConn, error) {
	c, err := ln.Accept()
	if err != nil {
		return nil, err
	}
	c.SetDeadline(time.Now().Add(deadline))
	return c.(*net.TCPConn), nil
}

// serve runs handle on one accepted connection in the background; the
// returned function waits for it and returns its error.
func serve(ln net.Listener, handle func(c *net.TCPConn) error) (wait func() error) {
	done := make(chan error, 1)
	go func() {
		c, err := accept(ln)
		if err != nil {
			done <- err
			return
		}
		defer c.Close()
		done <- handle(c)
	}()
	return func() error { return <-done }
}

// expect reads exactly len(want) bytes and checks them.
func expect(r io.Reader, want []byte) error {
	got := make([]byte, len(want))
	if _, err := io.ReadFull(r, got); err != nil {
		return err
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("read %q, want %q", got, want)
	}
	return nil
}

// expectEOF reads until the peer's FIN and fails if any data came first.
func expectEOF(r io.Reader) error {
	n, err := io.Copy(io.Discard, r)
	if err != nil {
		return err
	}
	if n != 0 {
		return fmt.Errorf("%d unexpected bytes before EOF", n)
	}
	return nil
}

// conversation plays one connection: serve handles the server's end, talk
// drives the client's, and both must succeed.
func (s scenario) conversation(listenOpts [][3]int, d *net.Dialer, serveConn, talk func(c *net.TCPConn) error) error {
	ln, err := s.listen(listenOpts...)
	if err != nil {
		return err
	}
	defer ln.Close()
	wait := serve(ln, serveConn)
	c, err := s.dial(d)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := talk(c); err != nil {
		return fmt.Errorf("client: %w", err)
	}
	if err := wait(); err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return nil
}

// serveClean is the server side of the clean exchange: request, response,
// then wait for the client's FIN and close after a pause long enough for the
// kernel to acknowledge the FIN on its own (so the close takes 4 segments).
func serveClean(c *net.TCPConn) error {
	if err := expect(c, request); err != nil {
		return err
	}
	if _, err := c.Write(response); err != nil {
		return err
	}
	if err := expectEOF(c); err != nil {
		return err
	}
	time.Sleep(100 * time.Millisecond)
	return c.Close()
}

// clientClean returns the client side: request, response, idle, close.
func clientClean(idle time.Duration) func(c *net.TCPConn) error {
	return func(c *net.TCPConn) error {
		if _, err := c.Write(request); err != nil {
			return err
		}
		if err := expect(c, response); err != nil {
			return err
		}
		time.Sleep(idle)
		return c.Close()
	}
}

func playClean(s scenario) error {
	return s.conversation(nil, s.dialer(0), serveClean, clientClean(50*time.Millisecond))
}

func playParallel(s scenario) error {
	const n = 20
	ln, err := s.listen()
	if err != nil {
		return err
	}
	defer ln.Close()
	errs := make(chan error, 2*n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			c, err := accept(ln)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			errs <- serveClean(c)
		})
	}
	for i := range n {
		wg.Go(func() {
			c, err := s.dial(s.dialer(i))
			if err != nil {
				errs <- err
				return
			}
			errs <- clientClean(50 * time.Millisecond)(c)
		})
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// playRSTAbort: the client sends the request and 5 more bytes; the server
// reads only the request and closes. Closing a socket with unread data makes
// Linux send RST instead of FIN (RFC 2525 §2.17), so the server resets a
// connection whose last 5 bytes it acknowledged but never read.
func playRSTAbort(s scenario) error {
	return s.conversation(nil, s.dialer(0),
		func(c *net.TCPConn) error {
			if err := expect(c, request); err != nil {
				return err
			}
			time.Sleep(100 * time.Millisecond) // let "EXTRA" arrive and be acknowledged
			return c.Close()
		},
		func(c *net.TCPConn) error {
			if _, err := c.Write(append(append([]byte{}, request...), "EXTRA"...)); err != nil {
				return err
			}
			if _, err := c.Read(make([]byte, 1)); !errors.Is(err, syscall.ECONNRESET) {
				return fmt.Errorf("read: %v, want connection reset", err)
			}
			return nil
		})
}

// playRSTReuse: the client aborts its connection after the exchange
// (SO_LINGER 0: its close sends a RST, and leaves no TIME_WAIT), then binds
// the same port again 300 ms later for a clean exchange. Linux's ISN for a
// 4-tuple grows by one every 64 ns, so the new connection starts about
// 4.7 million numbers above the old one; its TS clock has the old
// connection's offset (one per address pair).
func playRSTReuse(s scenario) error {
	err := s.conversation(nil, s.dialer(0),
		func(c *net.TCPConn) error {
			if err := expect(c, request); err != nil {
				return err
			}
			if _, err := c.Write(response); err != nil {
				return err
			}
			if _, err := c.Read(make([]byte, 1)); !errors.Is(err, syscall.ECONNRESET) {
				return fmt.Errorf("read: %v, want connection reset", err)
			}
			return nil
		},
		func(c *net.TCPConn) error {
			if _, err := c.Write(request); err != nil {
				return err
			}
			if err := expect(c, response); err != nil {
				return err
			}
			if err := c.SetLinger(0); err != nil {
				return err
			}
			return c.Close()
		})
	if err != nil {
		return fmt.Errorf("the aborted connection: %w", err)
	}
	time.Sleep(300 * time.Millisecond)
	return s.conversation(nil, s.dialer(0), serveClean, clientClean(50*time.Millisecond))
}

func playRefused(s scenario) error {
	_, err := s.dial(s.dialer(0))
	if !errors.Is(err, syscall.ECONNREFUSED) {
		return fmt.Errorf("dial: %v, want connection refused", err)
	}
	return nil
}

// playZeroWindow: the server's receive buffer is small and it does not read
// for 1.5 s while the client writes 64 KiB, so the server's window closes
// and the client's kernel probes it with exponential backoff. Then the
// server reads everything (window updates) and both close.
func playZeroWindow(s scenario) error {
	const total = 64 << 10
	rcvbuf := [][3]int{{syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096}}
	return s.conversation(rcvbuf, s.dialer(0),
		func(c *net.TCPConn) error {
			time.Sleep(1500 * time.Millisecond)
			buf := make([]byte, 1024)
			n := 0
			for {
				k, err := c.Read(buf)
				n += k
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return err
				}
				time.Sleep(2 * time.Millisecond) // read slowly: several window updates
			}
			if n != total {
				return fmt.Errorf("read %d bytes, want %d", n, total)
			}
			return c.Close()
		},
		func(c *net.TCPConn) error {
			if _, err := c.Write(pattern(total)); err != nil {
				return err
			}
			if err := c.CloseWrite(); err != nil {
				return err
			}
			return expectEOF(c)
		})
}

// playKeepalive: after the exchange the client stays idle for 3.5 s with
// keep-alives every second, so the capture holds three keep-alives and
// their ACKs before the clean close.
func playKeepalive(s scenario) error {
	d := s.dialer(0)
	d.KeepAliveConfig = net.KeepAliveConfig{Enable: true, Idle: time.Second, Interval: time.Second, Count: 5}
	return s.conversation(nil, d, serveClean, clientClean(3500*time.Millisecond))
}

// playHalfClose: the client sends its request and shuts down its write side;
// the server reads to EOF, then sends three 100-byte chunks into the
// half-closed connection and closes.
func playHalfClose(s scenario) error {
	chunk := pattern(100)
	return s.conversation(nil, s.dialer(0),
		func(c *net.TCPConn) error {
			got, err := io.ReadAll(c)
			if err != nil {
				return err
			}
			if !bytes.Equal(got, request) {
				return fmt.Errorf("read %q, want %q", got, request)
			}
			for range 3 {
				time.Sleep(20 * time.Millisecond)
				if _, err := c.Write(chunk); err != nil {
					return err
				}
			}
			return c.Close()
		},
		func(c *net.TCPConn) error {
			if _, err := c.Write(request); err != nil {
				return err
			}
			if err := c.CloseWrite(); err != nil {
				return err
			}
			got, err := io.ReadAll(c)
			if err != nil {
				return err
			}
			if len(got) != 3*len(chunk) {
				return fmt.Errorf("read %d bytes, want %d", len(got), 3*len(chunk))
			}
			return nil
		})
}

func playBulk(s scenario) error { return s.download(2 << 20) }

func playLoss(s scenario) error { return s.download(256 << 10) }

// download: the client sends the request, the server answers with size
// bytes and closes first; the client reads to EOF and closes. Both sides
// use MSS 1460, as on Ethernet.
func (s scenario) download(size int) error {
	maxseg := [3]int{syscall.IPPROTO_TCP, syscall.TCP_MAXSEG, mss}
	return s.conversation([][3]int{maxseg}, s.dialer(0, maxseg),
		func(c *net.TCPConn) error {
			if err := expect(c, request); err != nil {
				return err
			}
			if _, err := c.Write(pattern(size)); err != nil {
				return err
			}
			return c.Close()
		},
		func(c *net.TCPConn) error {
			if _, err := c.Write(request); err != nil {
				return err
			}
			return expectPattern(c, size)
		})
}

// splitDownload plays one end of download's conversation with the other
// end in another process: the server on serveAddr, or the client of
// fetchAddr, with the kernel's own MSS (lossy.sh's veths have MTU 1500).
func splitDownload(serveAddr, fetchAddr string, size int) error {
	if fetchAddr != "" {
		c, err := net.DialTimeout("tcp", fetchAddr, 5*time.Second)
		if err != nil {
			return err
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(deadline))
		if _, err := c.Write(request); err != nil {
			return err
		}
		return expectPattern(c, size)
	}
	ln, err := net.Listen("tcp", serveAddr)
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Println("listening") // lossy.sh waits for this line
	c, err := accept(ln)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := expect(c, request); err != nil {
		return err
	}
	if _, err := c.Write(pattern(size)); err != nil {
		return err
	}
	return c.Close()
}

// expectPattern reads pattern(size) and the FIN after it. It reads into
// one large buffer, so that the receiver keeps its window open: a slow
// reader would put zero windows into a recording meant to have none.
func expectPattern(r io.Reader, size int) error {
	want := pattern(size)
	buf := make([]byte, 1<<20)
	n := 0
	for {
		k, err := r.Read(buf)
		if n+k > size || !bytes.Equal(buf[:k], want[n:n+k]) {
			return fmt.Errorf("bytes %d-%d are not the %d-byte pattern", n, n+k, size)
		}
		n += k
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	if n != size {
		return fmt.Errorf("read %d bytes, want %d", n, size)
	}
	return nil
}

// pattern is n deterministic payload bytes; 251 is prime, so the pattern
// does not line up with segment boundaries.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}
