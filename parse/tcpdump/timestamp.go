package tcpdump

import "time"

// stampKind is the timestamp form of one line (ts_print in tcpdump's
// util-print.c).
type stampKind uint8

const (
	stampNone     stampKind = iota // -t, or the line starts otherwise
	stampClock                     // default: HH:MM:SS.frac, local time
	stampEpoch                     // -tt: SECS.frac
	stampDelta                     // -ttt or -ttttt: sign, then HH:MM:SS.frac
	stampDate                      // -tttt: YYYY-MM-DD HH:MM:SS.frac
	stampOverflow                  // "[timestamp overflow]": a time tcpdump could not print
)

// stamp is a timestamp as printed, before the clock turns it into a time.
type stamp struct {
	kind           stampKind
	neg            bool // delta forms: the '-' sign
	year           int
	month, day     int
	hour, min, sec int
	epoch          int64
	fracVal        uint64
	fracDigits     int
	frac           time.Duration // may exceed a second for invalid fractions
}

// tcpdumpForm reports whether the stamp has the digits tcpdump prints: 6
// or 9 fractional ones, more for an invalid fraction, or the overflow
// text. A log line with milliseconds is not tcpdump's.
func (st *stamp) tcpdumpForm() bool {
	return st.kind == stampOverflow || st.fracDigits >= 6
}

// scanStamp reads a timestamp at the cursor, including the space that
// follows it. It reports false, leaving the cursor alone, when the line
// does not continue with a timestamp.
func scanStamp(c *cursor, st *stamp) bool {
	start := c.i
	*st = stamp{}
	ok := false
	switch {
	case c.lit("[timestamp overflow]"), c.lit("[Error converting time]"):
		st.kind = stampOverflow
		ok = true
	case c.peek() == ' ' || c.peek() == '-':
		st.kind = stampDelta
		st.neg = c.peek() == '-'
		c.i++
		ok = scanClock(c, st)
	default:
		ok = scanDate(c, st) || scanClock(c, st) || scanEpoch(c, st)
	}
	if ok {
		scanInvalidMark(c, st)
		ok = c.done() || c.lit(" ")
	}
	if !ok {
		c.i = start
	}
	return ok
}

// scanDate reads the -tttt form "YYYY-MM-DD HH:MM:SS.frac".
func scanDate(c *cursor, st *stamp) bool {
	b := c.rest()
	if len(b) < 11 || !allDigits(b[0:4]) || b[4] != '-' || !allDigits(b[5:7]) || b[7] != '-' || !allDigits(b[8:10]) || b[10] != ' ' {
		return false
	}
	start := c.i
	c.i += 11
	if !scanClock(c, st) {
		c.i = start
		return false
	}
	st.kind = stampDate
	st.year = digits(b[0:4])
	st.month = digits(b[5:7])
	st.day = digits(b[8:10])
	return true
}

// scanClock reads "HH:MM:SS.frac". It keeps st.kind when it is already
// set (the delta forms).
func scanClock(c *cursor, st *stamp) bool {
	b := c.rest()
	if len(b) < 10 || !allDigits(b[0:2]) || b[2] != ':' || !allDigits(b[3:5]) || b[5] != ':' || !allDigits(b[6:8]) || b[8] != '.' {
		return false
	}
	v, n, ok := scanFrac(b[9:])
	if !ok {
		return false
	}
	if st.kind == stampNone {
		st.kind = stampClock
	}
	st.hour, st.min, st.sec = digits(b[0:2]), digits(b[3:5]), digits(b[6:8])
	st.fracVal, st.fracDigits = v, n
	c.i += 9 + n
	return true
}

// scanEpoch reads the -tt form "SECS.frac".
func scanEpoch(c *cursor, st *stamp) bool {
	b := c.rest()
	secs, n, ok := parseUint(b, 1<<62)
	if !ok || n >= len(b) || b[n] != '.' {
		return false
	}
	v, m, ok := scanFrac(b[n+1:])
	if !ok {
		return false
	}
	st.kind = stampEpoch
	st.epoch = int64(secs)
	st.fracVal, st.fracDigits = v, m
	c.i += n + 1 + m
	return true
}

// scanFrac reads the fractional digits after the seconds: their value and
// how many there were.
func scanFrac(b []byte) (v uint64, n int, ok bool) {
	return parseUint(b, 1<<62)
}

// fraction turns the fractional digits into a duration. tcpdump prints 6
// digits (microseconds) or 9 (--nano). An out-of-range stored fraction is
// printed in full, so 7 or more digits are a count of the unit rather than
// a decimal fraction; 4.99.6 says which unit with " (invalid us)" or "
// (invalid ns)", older releases leave it to the digit count. Fewer than 6
// digits are read as a decimal fraction.
func fraction(v uint64, n int, mark string) time.Duration {
	switch {
	case mark == "us":
		return time.Duration(v) * time.Microsecond
	case mark == "ns":
		return time.Duration(v)
	case n <= 6:
		for k := n; k < 6; k++ {
			v *= 10
		}
		return time.Duration(v) * time.Microsecond
	case n < 9:
		return time.Duration(v) * time.Microsecond
	}
	return time.Duration(v)
}

// scanInvalidMark reads 4.99.6's " (invalid us)" or " (invalid ns)" and
// settles the fraction.
func scanInvalidMark(c *cursor, st *stamp) {
	mark := ""
	if hasAt(c.b, c.i+1, "(invalid ") {
		switch {
		case c.lit(" (invalid us)"):
			mark = "us"
		case c.lit(" (invalid ns)"):
			mark = "ns"
		}
	}
	st.frac = fraction(st.fracVal, st.fracDigits, mark)
}

// digits is the value of a few decimal digits that the caller checked.
func digits(b []byte) int {
	v := 0
	for _, ch := range b {
		v = v*10 + int(ch-'0')
	}
	return v
}

// clock turns printed timestamps into times, keeping the state that the
// relative forms need.
//
// Time-of-day stamps (the default form, and the deltas) are placed on the
// date Options.Date, or on 1970-01-01 when it is zero, in
// Options.Location. A default-form stamp more than 12 hours earlier than the
// one before it is taken to have crossed midnight, so times stay monotonic
// across days (and one more than 12 hours later, after a midnight, to be
// from the day before).
//
// The text cannot tell -ttt (delta since the previous packet) from -ttttt
// (delta since the first): both start at 00:00:00.000000. The clock reads
// deltas as -ttttt until one is smaller than the one before it, which time
// since the first packet only does for packets captured out of order; from
// then on it reads them as -ttt. A -ttt log whose gaps only grow is read
// as -ttttt until a gap shrinks, and a -ttttt log with packets out of time
// order is read as -ttt from there on.
type clock struct {
	loc   *time.Location
	epoch time.Time // midnight of the date given to time-of-day stamps
	date  [3]int    // that date's year, month and day

	days    int // midnights crossed by the default form
	lastTOD time.Duration
	haveTOD bool

	sincePrev bool // the deltas are -ttt
	lastDelta time.Duration
	last      time.Time
	haveDelta bool

	// hourKey caches the start of the last hour seen in the -tttt form, so
	// that time.Date runs once an hour rather than once a line.
	hourKey  [4]int
	hourBase time.Time
}

func newClock(loc *time.Location, date time.Time) clock {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := 1970, time.January, 1
	if !date.IsZero() {
		y, m, d = date.In(loc).Date()
	}
	return clock{loc: loc, epoch: time.Date(y, m, d, 0, 0, 0, 0, loc), date: [3]int{y, int(m), d}, hourKey: [4]int{-1}}
}

// time returns the time of a stamp; false for the forms that carry none.
func (k *clock) time(st *stamp) (time.Time, bool) {
	switch st.kind {
	case stampClock:
		tod := time.Duration(st.hour)*time.Hour + time.Duration(st.min)*time.Minute + time.Duration(st.sec)*time.Second + st.frac
		switch {
		case k.haveTOD && tod < k.lastTOD-12*time.Hour:
			k.days++
		case k.haveTOD && tod > k.lastTOD+12*time.Hour && k.days > 0:
			k.days-- // a packet from before midnight, printed late
		}
		k.lastTOD, k.haveTOD = tod, true
		return k.hour(k.date[0], k.date[1], k.date[2]+k.days, st.hour).
			Add(time.Duration(st.min)*time.Minute + time.Duration(st.sec)*time.Second + st.frac), true
	case stampDate:
		return k.hour(st.year, st.month, st.day, st.hour).
			Add(time.Duration(st.min)*time.Minute + time.Duration(st.sec)*time.Second + st.frac), true
	case stampEpoch:
		return time.Unix(st.epoch, 0).Add(st.frac).In(k.loc), true
	case stampDelta:
		return k.delta(st), true
	}
	return time.Time{}, false
}

// hour returns the start of an hour, cached for the next line.
func (k *clock) hour(y, m, d, h int) time.Time {
	key := [4]int{y, m, d, h}
	if key != k.hourKey {
		k.hourKey = key
		k.hourBase = time.Date(y, time.Month(m), d, h, 0, 0, 0, k.loc)
	}
	return k.hourBase
}

// delta places a -ttt or -ttttt stamp; see the clock's comment.
func (k *clock) delta(st *stamp) time.Time {
	d := time.Duration(st.hour)*time.Hour + time.Duration(st.min)*time.Minute + time.Duration(st.sec)*time.Second + st.frac
	if st.neg {
		d = -d
	}
	if k.haveDelta && !k.sincePrev && d >= 0 && d < k.lastDelta {
		k.sincePrev = true
	}
	var t time.Time
	switch {
	case !k.haveDelta:
		t = k.epoch.Add(d)
	case k.sincePrev:
		t = k.last.Add(d)
	default:
		t = k.epoch.Add(d)
	}
	k.haveDelta, k.lastDelta, k.last = true, d, t
	return t
}
