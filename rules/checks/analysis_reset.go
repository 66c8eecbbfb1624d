package checks

// Reset empties the state for the connection that reuses it: the engine
// calls it once every check has seen the connection end (see
// rules.CheckState). The storage of the holes, of the expired list and the
// extraState is kept, emptied.
func (st *connState) Reset() {
	var holes [2]*[maxHoles]hole
	for d := range st.flows {
		if h := st.flows[d].holes; h != nil {
			*h = [maxHoles]hole{}
			holes[d] = h
		}
	}
	expired := st.v.expired[:0]
	clear(expired[:cap(expired)])
	x := st.x
	if x != nil {
		*x = extraState{}
	}
	*st = connState{}
	st.v.expired = expired
	st.flows[0].holes, st.flows[1].holes = holes[0], holes[1]
	st.x = x
}
