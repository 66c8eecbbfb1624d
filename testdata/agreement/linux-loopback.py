import socket, struct, time, threading
def srv(port, fn):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.bind(("127.0.0.1", port)); s.listen(1)
    def run():
        c, _ = s.accept(); fn(c); c.close(); s.close()
    t = threading.Thread(target=run); t.start(); return t
# zero window: server does not read for 1s
def slow(c):
    time.sleep(1.0)
    while True:
        d = c.recv(65536)
        if not d: break
t = srv(9601, slow)
cl = socket.socket(); cl.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8192); cl.connect(("127.0.0.1", 9601))
cl.sendall(b"x" * 60000); cl.close(); t.join()
# keepalive
t = srv(9602, lambda c: (time.sleep(3.5), c.recv(10)))
cl = socket.socket(); cl.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
cl.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1); cl.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
cl.connect(("127.0.0.1", 9602)); cl.send(b"hello"); time.sleep(3.6); cl.close(); t.join()
# refused
try:
    cl = socket.socket(); cl.connect(("127.0.0.1", 9603))
except OSError: pass
# abort with linger 0
t = srv(9604, lambda c: c.recv(10))
cl = socket.socket(); cl.connect(("127.0.0.1", 9604)); cl.send(b"abc"); time.sleep(0.1)
cl.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); cl.close(); t.join()
