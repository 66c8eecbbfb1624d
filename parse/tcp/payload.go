package tcp

// PayloadCopies keeps the payloads of a run of segments held past the Next
// call that read them (a batch handed to another goroutine): a segment's
// Payload points into its reader's buffer, which the next record
// overwrites. Keep copies each segment's payload as it joins the run; Point
// then aims the segments' Payload at the copies, once the run is complete
// (the storage may move while it grows). The storage is reused by the next
// run after Reset, so a steady stream of batches does not allocate.
type PayloadCopies struct {
	data []byte
	ends []int
}

// Keep copies seg's payload, the next segment of the run.
func (k *PayloadCopies) Keep(seg *Segment) {
	k.data = append(k.data, seg.Payload...)
	k.ends = append(k.ends, len(k.data))
}

// Point aims the Payload of each segment of the run, segs[i] being the
// i-th kept, at its copy; a segment without payload gets nil.
func (k *PayloadCopies) Point(segs []Segment) {
	start := 0
	for i := range segs {
		end := k.ends[i]
		segs[i].Payload = nil
		if end > start {
			segs[i].Payload = k.data[start:end:end]
		}
		start = end
	}
}

// Reset empties the copies for the next run, keeping their storage.
func (k *PayloadCopies) Reset() {
	k.data, k.ends = k.data[:0], k.ends[:0]
}
