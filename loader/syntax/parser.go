package syntax

// The parser is arc-hybrid (Kuhlmann et al. 2011) with the root at the end
// of the buffer (Ballesteros & Nivre 2013): SHIFT pushes the buffer's
// front b0; LEFT makes b0 the head of the stack's top s0 and pops it;
// RIGHT makes s1 the head of s0 and pops it. LEFT onto the root is allowed
// only when s0 is the stack's last word, so every tree has one root.
// Actions are scored by one linear model, the relation of an arc by a
// second one that sees the arc's two ends once the arc is chosen.

const (
	actShift = iota
	actLeft
	actRight
	nActs
)

// ptok are the hashed atoms of one parser position.
type ptok struct {
	w, p, wp, c, suf uint64
}

var (
	noneTok = ptok{w: 0x4e4f4e45, p: uint64(tagNone), wp: 0x4e4f4e45, c: 0x4e4f4e45, suf: 0x4e4f4e45}
	rootTok = ptok{w: 0x524f4f54, p: uint64(tagRoot), wp: 0x524f4f54, c: 0x524f4f54, suf: 0x524f4f54}
)

// pstate is a parser configuration over n words; word n is the root.
type pstate struct {
	n      int
	stack  []int32
	b      int32
	head   []int32
	lab    []int8
	l1, l2 []int32 // leftmost and second leftmost child, -1 if none
	r1, r2 []int32 // rightmost and second rightmost child
	nl, nr []uint8 // number of left and right children
	ls, rs []uint64
	toks   []ptok
}

func (s *pstate) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(x []int32) []int32 {
		if cap(x) < n+1 {
			x = make([]int32, n+1)
		}
		x = x[:n+1]
		for i := range x {
			x[i] = -1
		}
		return x
	}
	s.head, s.l1, s.l2, s.r1, s.r2 = grow(s.head), grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	if cap(s.lab) < n+1 {
		s.lab = make([]int8, n+1)
		s.nl = make([]uint8, n+1)
		s.nr = make([]uint8, n+1)
		s.ls = make([]uint64, n+1)
		s.rs = make([]uint64, n+1)
	}
	s.lab, s.nl, s.nr, s.ls, s.rs = s.lab[:n+1], s.nl[:n+1], s.nr[:n+1], s.ls[:n+1], s.rs[:n+1]
	for i := range s.lab {
		s.lab[i] = -1
		s.nl[i], s.nr[i], s.ls[i], s.rs[i] = 0, 0, 0, 0
	}
}

func (s *pstate) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

func (s *pstate) valid(a int) bool {
	switch a {
	case actShift:
		return int(s.b) < s.n
	case actLeft:
		return len(s.stack) > 0 && (int(s.b) < s.n || len(s.stack) == 1)
	default:
		return len(s.stack) > 1
	}
}

// arc returns the head and dependent of an arc action.
func (s *pstate) arc(a int) (h, d int32) {
	d = s.stack[len(s.stack)-1]
	if a == actLeft {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

func (s *pstate) apply(a int, label int8) {
	switch a {
	case actShift:
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h, d := s.arc(a)
	s.stack = s.stack[:len(s.stack)-1]
	s.head[d] = h
	s.lab[d] = label
	bit := uint64(1) << uint(label&63)
	if d < h {
		if s.l1[h] < 0 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] < 0 || d < s.l2[h] {
			s.l2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.ls[h] |= bit
	} else {
		if s.r1[h] < 0 || d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if s.r2[h] < 0 || d > s.r2[h] {
			s.r2[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rs[h] |= bit
	}
}

func (s *pstate) tok(i int32) *ptok {
	if i < 0 {
		return &noneTok
	}
	return &s.toks[i]
}

func (s *pstate) labOf(i int32) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(s.lab[i]) + 1
}

func bucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

func val(v uint8) uint64 {
	if v > 4 {
		return 4
	}
	return uint64(v)
}

func at(xs []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return xs[i]
}

// actCtx is what the action templates read of a configuration: the
// tokens of the stack's top three and the buffer's front three, the
// children the templates read (positions and tokens), the distances
// between s0 and b0 and between s1 and s0, the valencies and the label
// sets.
type actCtx struct {
	S0, S1, S2, B0, B1, B2  *ptok
	S0L, S0R, B0L, S1R, S1L *ptok
	S0L2, S0R2, B0L2        *ptok
	s0l, s0r, b0l, s1r, s1l int32
	s0l2, s0r2, b0l2        int32
	d, d1                   uint64
	s0vl, s0vr, b0vl, s1vr  uint64
	s0sl, s0sr, b0sl, s1sr  uint64
}

// actContext returns what the action templates of s read.
func (s *pstate) actContext() (c actCtx) {
	st := s.stack
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if len(st) > 0 {
		s0 = st[len(st)-1]
	}
	if len(st) > 1 {
		s1 = st[len(st)-2]
	}
	if len(st) > 2 {
		s2 = st[len(st)-3]
	}
	b0, b1, b2 := s.b, int32(-1), int32(-1)
	if int(b0)+1 <= s.n {
		b1 = b0 + 1
	}
	if int(b0)+2 <= s.n {
		b2 = b0 + 2
	}
	c.S0, c.S1, c.S2 = s.tok(s0), s.tok(s1), s.tok(s2)
	c.B0, c.B1, c.B2 = s.tok(b0), s.tok(b1), s.tok(b2)
	c.s0l, c.s0r, c.b0l, c.s1r, c.s1l = at(s.l1, s0), at(s.r1, s0), at(s.l1, b0), at(s.r1, s1), at(s.l1, s1)
	c.s0l2, c.s0r2, c.b0l2 = at(s.l2, s0), at(s.r2, s0), at(s.l2, b0)
	c.S0L, c.S0R, c.B0L, c.S1R, c.S1L = s.tok(c.s0l), s.tok(c.s0r), s.tok(c.b0l), s.tok(c.s1r), s.tok(c.s1l)
	c.S0L2, c.S0R2, c.B0L2 = s.tok(c.s0l2), s.tok(c.s0r2), s.tok(c.b0l2)
	if s0 >= 0 {
		c.d = bucket(b0 - s0)
		c.s0vl, c.s0vr, c.s0sl, c.s0sr = val(s.nl[s0]), val(s.nr[s0]), s.ls[s0], s.rs[s0]
	}
	if s1 >= 0 {
		c.d1 = bucket(s0 - s1)
		c.s1vr, c.s1sr = val(s.nr[s1]), s.rs[s1]
	}
	c.b0vl, c.b0sl = val(s.nl[b0]), s.ls[b0]
	return c
}

// actFeatures appends the action model's feature keys of s: the
// Zhang & Nivre (2011) templates moved to the arc-hybrid positions (s1
// stands where arc-eager has the head of s0), plus word clusters.
func (s *pstate) actFeatures(keys []uint64) []uint64 {
	c := s.actContext()
	keys = append(keys,
		key1(100, 0),
		// single words
		key1(101, c.S0.wp), key1(102, c.S0.w), key1(103, c.S0.p),
		key1(104, c.B0.wp), key1(105, c.B0.w), key1(106, c.B0.p),
		key1(107, c.B1.wp), key1(108, c.B1.w), key1(109, c.B1.p),
		key1(110, c.B2.wp), key1(111, c.B2.w), key1(112, c.B2.p),
		key1(113, c.S1.wp), key1(114, c.S1.w), key1(115, c.S1.p),
		key1(116, c.S2.p),
		// pairs
		key2(120, c.S0.wp, c.B0.wp), key2(121, c.S0.wp, c.B0.w), key2(122, c.S0.w, c.B0.wp),
		key2(123, c.S0.wp, c.B0.p), key2(124, c.S0.p, c.B0.wp), key2(125, c.S0.w, c.B0.w),
		key2(126, c.S0.p, c.B0.p), key2(127, c.B0.p, c.B1.p), key2(128, c.S1.p, c.S0.p),
		key2(129, c.S1.w, c.S0.w), key2(130, c.S1.wp, c.S0.p), key2(131, c.S1.p, c.S0.wp),
		key2(132, c.S1.p, c.B0.p), key2(133, c.S1.w, c.B0.w),
		// three tags
		key3(140, c.B0.p, c.B1.p, c.B2.p), key3(141, c.S0.p, c.B0.p, c.B1.p),
		key3(142, c.S1.p, c.S0.p, c.B0.p), key3(143, c.S0.p, c.S0L.p, c.B0.p),
		key3(144, c.S0.p, c.S0R.p, c.B0.p), key3(145, c.S0.p, c.B0.p, c.B0L.p),
		key3(146, c.S1.p, c.S1R.p, c.S0.p), key3(147, c.S2.p, c.S1.p, c.S0.p),
		key3(148, c.S1.p, c.S0.p, c.S0R.p), key3(149, c.S1.p, c.S1L.p, c.S0.p),
		// distance
		key2(150, c.S0.w, c.d), key2(151, c.S0.p, c.d), key2(152, c.B0.w, c.d), key2(153, c.B0.p, c.d),
		key3(154, c.S0.w, c.B0.w, c.d), key3(155, c.S0.p, c.B0.p, c.d),
		key3(156, c.S1.p, c.S0.p, c.d1), key3(157, c.S1.w, c.S0.w, c.d1),
		// valency
		key2(160, c.S0.w, c.s0vr), key2(161, c.S0.p, c.s0vr), key2(162, c.S0.w, c.s0vl), key2(163, c.S0.p, c.s0vl),
		key2(164, c.B0.w, c.b0vl), key2(165, c.B0.p, c.b0vl), key2(166, c.S1.p, c.s1vr),
		// children
		key1(170, c.S0L.w), key1(171, c.S0L.p), key1(172, s.labOf(c.s0l)),
		key1(173, c.S0R.w), key1(174, c.S0R.p), key1(175, s.labOf(c.s0r)),
		key1(176, c.B0L.w), key1(177, c.B0L.p), key1(178, s.labOf(c.b0l)),
		key1(179, c.S1R.p), key1(180, s.labOf(c.s1r)), key2(181, c.S1L.p, s.labOf(c.s1l)),
		// third order
		key1(182, c.S0L2.p), key1(183, s.labOf(c.s0l2)), key1(184, c.S0R2.p), key1(185, s.labOf(c.s0r2)),
		key1(186, c.B0L2.p), key1(187, s.labOf(c.b0l2)),
		key3(188, c.S0.p, c.S0L.p, c.S0L2.p), key3(189, c.S0.p, c.S0R.p, c.S0R2.p), key3(190, c.B0.p, c.B0L.p, c.B0L2.p),
		// label sets
		key2(191, c.S0.w, c.s0sr), key2(192, c.S0.p, c.s0sr), key2(193, c.S0.w, c.s0sl), key2(194, c.S0.p, c.s0sl),
		key2(195, c.B0.w, c.b0sl), key2(196, c.B0.p, c.b0sl), key2(197, c.S1.p, c.s1sr),
		// clusters
		key1(200, c.S0.c), key1(201, c.B0.c), key1(202, c.B1.c), key1(203, c.S1.c),
		key2(204, c.S0.c, c.B0.c), key2(205, c.S0.c, c.B0.p), key2(206, c.S0.p, c.B0.c),
		key2(207, c.S1.c, c.S0.c), key2(208, c.S1.c, c.S0.p), key2(209, c.S1.p, c.S0.c),
		key2(210, c.S0.suf, c.B0.p), key2(211, c.S0.p, c.B0.suf),
	)
	return keys
}

// actDynamic appends the keys of actFeatures that roleKeys leaves out.
func (s *pstate) actDynamic(keys []uint64) []uint64 {
	c := s.actContext()
	keys = append(keys,
		key1(100, 0),
		// pairs
		key2(120, c.S0.wp, c.B0.wp), key2(121, c.S0.wp, c.B0.w), key2(122, c.S0.w, c.B0.wp),
		key2(123, c.S0.wp, c.B0.p), key2(124, c.S0.p, c.B0.wp), key2(125, c.S0.w, c.B0.w),
		key2(126, c.S0.p, c.B0.p), key2(128, c.S1.p, c.S0.p),
		key2(129, c.S1.w, c.S0.w), key2(130, c.S1.wp, c.S0.p), key2(131, c.S1.p, c.S0.wp),
		key2(132, c.S1.p, c.B0.p), key2(133, c.S1.w, c.B0.w),
		// three tags
		key3(141, c.S0.p, c.B0.p, c.B1.p),
		key3(142, c.S1.p, c.S0.p, c.B0.p), key3(143, c.S0.p, c.S0L.p, c.B0.p),
		key3(144, c.S0.p, c.S0R.p, c.B0.p), key3(145, c.S0.p, c.B0.p, c.B0L.p),
		key3(146, c.S1.p, c.S1R.p, c.S0.p), key3(147, c.S2.p, c.S1.p, c.S0.p),
		key3(148, c.S1.p, c.S0.p, c.S0R.p), key3(149, c.S1.p, c.S1L.p, c.S0.p),
		// children
		key1(172, s.labOf(c.s0l)), key1(175, s.labOf(c.s0r)), key1(178, s.labOf(c.b0l)),
		key1(180, s.labOf(c.s1r)), key2(181, c.S1L.p, s.labOf(c.s1l)),
		key1(183, s.labOf(c.s0l2)), key1(185, s.labOf(c.s0r2)), key1(187, s.labOf(c.b0l2)),
		// distance
		key2(150, c.S0.w, c.d), key2(151, c.S0.p, c.d), key2(152, c.B0.w, c.d), key2(153, c.B0.p, c.d),
		key3(154, c.S0.w, c.B0.w, c.d), key3(155, c.S0.p, c.B0.p, c.d),
		key3(156, c.S1.p, c.S0.p, c.d1), key3(157, c.S1.w, c.S0.w, c.d1),
		// valency
		key2(160, c.S0.w, c.s0vr), key2(161, c.S0.p, c.s0vr), key2(162, c.S0.w, c.s0vl), key2(163, c.S0.p, c.s0vl),
		key2(164, c.B0.w, c.b0vl), key2(165, c.B0.p, c.b0vl), key2(166, c.S1.p, c.s1vr),
		// third order
		key3(188, c.S0.p, c.S0L.p, c.S0L2.p), key3(189, c.S0.p, c.S0R.p, c.S0R2.p), key3(190, c.B0.p, c.B0L.p, c.B0L2.p),
		// label sets
		key2(191, c.S0.w, c.s0sr), key2(192, c.S0.p, c.s0sr), key2(193, c.S0.w, c.s0sl), key2(194, c.S0.p, c.s0sl),
		key2(195, c.B0.w, c.b0sl), key2(196, c.B0.p, c.b0sl), key2(197, c.S1.p, c.s1sr),
		// clusters
		key2(204, c.S0.c, c.B0.c), key2(205, c.S0.c, c.B0.p), key2(206, c.S0.p, c.B0.c),
		key2(207, c.S1.c, c.S0.c), key2(208, c.S1.c, c.S0.p), key2(209, c.S1.p, c.S0.c),
		key2(210, c.S0.suf, c.B0.p), key2(211, c.S0.p, c.B0.suf),
	)
	return keys
}

// labFeatures appends the relation model's keys for the arc h -> d made
// by action a.
func (s *pstate) labFeatures(keys []uint64, a int, h, d int32) []uint64 {
	H, D := s.tok(h), s.tok(d)
	t := uint64(a) << 20
	dist := h - d
	if dist < 0 {
		dist = -dist
	}
	db := bucket(dist)
	dl, dr := at(s.l1, d), at(s.r1, d)
	DL, DR := s.tok(dl), s.tok(dr)
	var hs uint64
	if d < h {
		hs = s.ls[h]
	} else {
		hs = s.rs[h]
	}
	prev, next := d-1, d+1
	if int(next) >= s.n {
		next = -1
	}
	P, N := s.tok(prev), s.tok(next)
	keys = append(keys,
		key1(t|300, 0),
		key1(t|301, D.w), key1(t|302, D.p), key1(t|303, D.wp), key1(t|304, D.c), key1(t|305, D.suf),
		key1(t|306, H.w), key1(t|307, H.p), key1(t|308, H.wp), key1(t|309, H.c),
		key2(t|310, D.p, H.p), key2(t|311, D.w, H.p), key2(t|312, D.p, H.w), key2(t|313, D.w, H.w),
		key2(t|314, D.c, H.c), key2(t|315, D.c, H.p), key2(t|316, D.p, H.c),
		key3(t|317, D.p, H.p, db),
		key2(t|318, D.p, s.ls[d]), key2(t|319, D.p, s.rs[d]),
		key2(t|320, D.p, s.labOf(dl)), key2(t|321, D.p, s.labOf(dr)),
		key2(t|322, D.p, DL.p), key2(t|323, D.p, DR.w),
		key2(t|324, H.p, hs), key3(t|325, D.p, H.p, hs),
		key2(t|326, D.p, P.p), key2(t|327, D.p, N.p), key3(t|328, P.p, D.p, N.p),
		key2(t|329, D.w, DL.w), key3(t|330, D.wp, H.p, db),
	)
	return keys
}

// Scoring at parse time splits the action features in two: those that
// read one token only (its word, tag and cluster in one role: s0, s1, s2,
// the buffer front with its two successors, or one of the children that
// the templates read) and the rest. A role's weights are summed once per
// token and sentence and kept in memo; only the rest is looked up at every
// transition. The sums are integers, so the scores are exactly those of
// all of actFeatures (TestActSplit checks the split).

// roles of the memoised feature groups
const (
	roleS0 = iota
	roleS1
	roleS2
	roleB // b0, b1 and b2 of a buffer front
	roleS0L
	roleS0R
	roleB0L
	roleS1R
	roleS0L2
	roleS0R2
	roleB0L2
	nRoles
)

// roleKeys appends the feature keys of token i in role r.
func (s *pstate) roleKeys(keys []uint64, r int, i int32) []uint64 {
	T := s.tok(i)
	switch r {
	case roleS0:
		return append(keys, key1(101, T.wp), key1(102, T.w), key1(103, T.p), key1(200, T.c))
	case roleS1:
		return append(keys, key1(113, T.wp), key1(114, T.w), key1(115, T.p), key1(203, T.c))
	case roleS2:
		return append(keys, key1(116, T.p))
	case roleB:
		b1, b2 := int32(-1), int32(-1)
		if int(i)+1 <= s.n {
			b1 = i + 1
		}
		if int(i)+2 <= s.n {
			b2 = i + 2
		}
		B1, B2 := s.tok(b1), s.tok(b2)
		return append(keys,
			key1(104, T.wp), key1(105, T.w), key1(106, T.p),
			key1(107, B1.wp), key1(108, B1.w), key1(109, B1.p),
			key1(110, B2.wp), key1(111, B2.w), key1(112, B2.p),
			key2(127, T.p, B1.p), key3(140, T.p, B1.p, B2.p),
			key1(201, T.c), key1(202, B1.c))
	case roleS0L:
		return append(keys, key1(170, T.w), key1(171, T.p))
	case roleS0R:
		return append(keys, key1(173, T.w), key1(174, T.p))
	case roleB0L:
		return append(keys, key1(176, T.w), key1(177, T.p))
	case roleS1R:
		return append(keys, key1(179, T.p))
	case roleS0L2:
		return append(keys, key1(182, T.p))
	case roleS0R2:
		return append(keys, key1(184, T.p))
	case roleB0L2:
		return append(keys, key1(186, T.p))
	}
	panic("syntax: unknown role")
}

// memo holds, per role and token, the summed weights of roleKeys.
type memo struct {
	n    int        // tokens of the sentence, the root included
	sum  [][3]int32 // [role*(n+1) + 1 + token]; token -1 (none) at 0
	have []bool
	keys []uint64
}

func (mm *memo) reset(n int) {
	mm.n = n + 2
	size := nRoles * mm.n
	if cap(mm.sum) < size {
		mm.sum = make([][3]int32, size)
		mm.have = make([]bool, size)
	}
	mm.sum, mm.have = mm.sum[:size], mm.have[:size]
	clear(mm.have)
}

// scorer sets scores to the summed weights of keys (table.score at parse
// time, trainTable.score in training).
type scorer func(scores []int32, keys []uint64)

// add adds to sc the weights of token i in role r.
func (mm *memo) add(sc *[3]int32, act scorer, s *pstate, r int, i int32) {
	j := r*mm.n + 1 + int(i)
	if !mm.have[j] {
		var scores [3]int32
		mm.keys = s.roleKeys(mm.keys[:0], r, i)
		act(scores[:], mm.keys)
		mm.sum[j], mm.have[j] = scores, true
	}
	v := &mm.sum[j]
	sc[0] += v[0]
	sc[1] += v[1]
	sc[2] += v[2]
}

// positions returns the stack, buffer and child positions that the
// templates read (-1 where there is none).
func (s *pstate) positions() (s0, s1, s2, b0, s0l, s0r, b0l, s1r, s0l2, s0r2, b0l2 int32) {
	st := s.stack
	s0, s1, s2 = -1, -1, -1
	if len(st) > 0 {
		s0 = st[len(st)-1]
	}
	if len(st) > 1 {
		s1 = st[len(st)-2]
	}
	if len(st) > 2 {
		s2 = st[len(st)-3]
	}
	b0 = s.b
	s0l, s0r, b0l, s1r = at(s.l1, s0), at(s.r1, s0), at(s.l1, b0), at(s.r1, s1)
	s0l2, s0r2, b0l2 = at(s.l2, s0), at(s.r2, s0), at(s.l2, b0)
	return
}

// scoreAct sets sc to the action scores of s: the memoised role sums plus
// the lookups of actDynamic.
func (s *pstate) scoreAct(sc *[3]int32, act scorer, mm *memo, keys []uint64) []uint64 {
	s0, s1, s2, b0, s0l, s0r, b0l, s1r, s0l2, s0r2, b0l2 := s.positions()
	keys = s.actDynamic(keys[:0])
	act(sc[:], keys)
	mm.add(sc, act, s, roleS0, s0)
	mm.add(sc, act, s, roleS1, s1)
	mm.add(sc, act, s, roleS2, s2)
	mm.add(sc, act, s, roleB, b0)
	mm.add(sc, act, s, roleS0L, s0l)
	mm.add(sc, act, s, roleS0R, s0r)
	mm.add(sc, act, s, roleB0L, b0l)
	mm.add(sc, act, s, roleS1R, s1r)
	mm.add(sc, act, s, roleS0L2, s0l2)
	mm.add(sc, act, s, roleS0R2, s0r2)
	mm.add(sc, act, s, roleB0L2, b0l2)
	return keys
}
