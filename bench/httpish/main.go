// Command httpish makes the traffic of the loopback benchmark capture: a
// server on 127.0.0.1 answering an HTTP-like request with a small page
// (2,900 bytes by default, so that 60,000 connections make a capture of
// about 230 MB), and a client opening many short connections to it, a few
// at a time, each sending one request, reading the response and closing.
//
//	go run ./bench/httpish -conns 60000 -parallel 4 -body 2900
//
// Record it with tcpdump on lo while it runs (bench/run.sh does).
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

const request = "GET /item HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"

// responseWith is an HTTP response carrying a body of n bytes.
func responseWith(n int) string {
	body := strings.Repeat("hello bench\n", n/12+1)[:n]
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", n, body)
}

func main() {
	conns := flag.Int("conns", 60000, "connections to make")
	parallel := flag.Int("parallel", 4, "connections open at once")
	port := flag.Int("port", 0, "server port (0: any free port)")
	bodySize := flag.Int("body", 2900, "bytes of each response's body")
	flag.Parse()
	response := responseWith(max(*bodySize, 0))
	ln, err := net.Listen("tcp4", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		fmt.Fprintln(os.Stderr, "httpish:", err)
		os.Exit(1)
	}
	go serve(ln, response)
	var next, failed atomic.Int64
	var wg sync.WaitGroup
	for range *parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(*conns) {
				if err := fetch(ln.Addr().String()); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	ln.Close()
	if n := failed.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "httpish: %d of %d connections failed\n", n, *conns)
	}
}

// serve answers every connection with one response after reading the
// request, then closes.
func serve(ln net.Listener, response string) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			buf := make([]byte, 512)
			got := 0
			for got < len(request) {
				n, err := c.Read(buf[got:])
				got += n
				if err != nil {
					return
				}
			}
			io.WriteString(c, response)
		}()
	}
}

// fetch makes one connection: request, response, close.
func fetch(addr string) error {
	c, err := net.Dial("tcp4", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := io.WriteString(c, request); err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, c)
	return err
}
