#!/bin/bash
# Records parse/capture/testdata/dumpcap-lo.pcapng: one short loopback
# conversation captured by Wireshark's dumpcap, which ends a pcapng file
# with an Interface Statistics Block (isb_ifdrop and friends). The reader's
# drop count is tested on it. Needs root, dumpcap and python3.
set -euo pipefail
out=${1:-$(dirname "$0")/../../parse/capture/testdata/dumpcap-lo.pcapng}
port=9555
dumpcap -i lo -f "tcp port $port" -a duration:5 -w "$out" -q &
sleep 3 # dumpcap takes a moment to start capturing
python3 - "$port" <<'PY'
import socket, sys, threading
port = int(sys.argv[1])
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen()
def serve():
    c, _ = s.accept()
    c.sendall(b"pong " + c.recv(100))
    c.close()
t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(("127.0.0.1", port))
c.sendall(b"ping")
c.recv(100)
c.close()
t.join()
PY
wait
