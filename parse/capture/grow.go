package capture

import "io"

// growStep is the most a record buffer grows before the bytes it is grown
// for have arrived. A length field read from a file can claim up to
// maxRecordLen; the buffer follows the bytes that really come, so a cut or
// lying file costs what it holds, not what it claims.
const growStep = 1 << 20

// readInto reads exactly n bytes from r into *buf, reusing its capacity.
// When n exceeds that capacity the buffer grows by doubling, at most
// growStep beyond the bytes already read, so that a record claiming 16 MiB
// in a file ending after 10 bytes allocates about a MiB. It returns how many
// bytes were read; err is io.ErrUnexpectedEOF or io.EOF when r ends early.
func readInto(r io.Reader, buf *[]byte, n int) (int, error) {
	b := *buf
	if cap(b) >= n {
		*buf = b[:n]
		return io.ReadFull(r, b[:n])
	}
	got := 0
	for got < n {
		limit := min(n, max(2*got, got+growStep))
		if cap(b) < limit {
			nb := make([]byte, limit)
			copy(nb, b[:got])
			b = nb
		}
		m, err := io.ReadFull(r, b[got:limit])
		got += m
		if err != nil {
			*buf = b[:got]
			return got, err
		}
	}
	*buf = b[:n]
	return n, nil
}
