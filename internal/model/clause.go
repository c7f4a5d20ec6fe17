package model

import (
	_ "embed"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
)

// ClauseClass is what a clause of a complaint does, as the clause model
// reads it: the complaint rewrite keeps facts, says mixed clauses plainly,
// drops vents and lets the writer's own ask or plan stand for its request.
type ClauseClass int

// The clause classes, in the order of the model's columns.
const (
	Fact  ClauseClass = iota // what happened, numbers, names, impact
	Mixed                    // a fact wrapped in feeling or sarcasm
	Vent                     // feeling, sarcasm or protest alone
	Ask                      // the writer asks for or proposes a change
	Plan                     // a step taken or planned
	Frame                    // greeting, sign-off, label
	NumClauseClasses
)

// ClauseClasses are the class names, as labellers write them.
var ClauseClasses = [NumClauseClasses]string{"fact", "mixed", "vent", "ask", "plan", "frame"}

// ParseClauseClass returns the class of a labeller's name.
func ParseClauseClass(s string) (ClauseClass, bool) {
	for i, n := range ClauseClasses {
		if n == s {
			return ClauseClass(i), true
		}
	}
	return 0, false
}

func (c ClauseClass) String() string { return ClauseClasses[c] }

// ClauseMeta describes a clause model.
type ClauseMeta struct {
	Version      int    `json:"version"`
	Bits         int    `json:"bits"`
	CorpusSHA256 string `json:"corpus_sha256"`
	Items        int    `json:"items"`
	// Counts are the training clauses per class.
	Counts map[string]int            `json:"counts"`
	Bias   [NumClauseClasses]float64 `json:"bias"`
	Scale  [NumClauseClasses]float64 `json:"scale"`
	Notes  map[string]any            `json:"notes,omitempty"`
}

// ClauseModel is a softmax regression over the sentence model's features
// (hashed word 1–2-grams and character 3–5-grams), one column per
// ClauseClass; trained by cmd/upward-train -clauses on the labelled
// clauses in testdata/clauses and embedded in the binary.
type ClauseModel struct {
	ClauseMeta
	mask uint64
	q    []int16
}

// ClauseExample is one labelled clause.
type ClauseExample struct {
	Text  string
	Class ClauseClass
}

// DefaultClauseBits is log2 of the clause model's hash buckets.
const DefaultClauseBits = 14

// TrainClauses fits a clause model on ex (AdaGrad on the log loss, a
// fixed visiting order from seed): the same examples give the same model.
func TrainClauses(ex []ClauseExample, bits, epochs int, seed uint64) *ClauseModel {
	const k = int(NumClauseClasses)
	mask := uint64(1)<<bits - 1
	type feat struct {
		b     []int32
		scale float64
		y     int
	}
	fs := make([]feat, len(ex))
	for i, e := range ex {
		var bs []int32
		n := walk(e.Text, func(h uint64, _ int) { bs = append(bs, int32(h&mask)) }, nil)
		fs[i] = feat{b: bs, y: int(e.Class)}
		if n > 0 {
			fs[i].scale = 1 / math.Sqrt(float64(n))
		}
	}
	w := make([]float64, (1<<bits)*k)
	g2 := make([]float64, len(w))
	var bias, gb [NumClauseClasses]float64
	rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	order := rng.Perm(len(fs))
	const rate, l2, eps = 0.25, 1e-6, 1e-8
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			f := &fs[i]
			var z [NumClauseClasses]float64
			for _, b := range f.b {
				for c := range k {
					z[c] += w[int(b)*k+c]
				}
			}
			for c := range k {
				z[c] = z[c]*f.scale + bias[c]
			}
			p := softmax(z)
			var g [NumClauseClasses]float64
			for c := range k {
				g[c] = p[c]
				if c == f.y {
					g[c]--
				}
				gb[c] += g[c] * g[c]
				bias[c] -= rate * g[c] / (math.Sqrt(gb[c]) + eps)
			}
			for _, b := range f.b {
				for c := range k {
					j := int(b)*k + c
					gr := g[c]*f.scale + l2*w[j]
					g2[j] += gr * gr
					w[j] -= rate * gr / (math.Sqrt(g2[j]) + eps)
				}
			}
		}
	}
	m := &ClauseModel{ClauseMeta: ClauseMeta{Version: Version, Bits: bits, Items: len(ex), Bias: bias}}
	m.q = make([]int16, len(w))
	quantize(w, m.q, m.Scale[:])
	m.mask = mask
	return m
}

func softmax(z [NumClauseClasses]float64) [NumClauseClasses]float64 {
	top := math.Inf(-1)
	for _, v := range z {
		top = max(top, v)
	}
	var p [NumClauseClasses]float64
	sum := 0.0
	for c, v := range z {
		p[c] = math.Exp(v - top)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
	return p
}

// Probs returns the probability of each class for the clause text.
func (m *ClauseModel) Probs(text string) [NumClauseClasses]float64 {
	const k = int(NumClauseClasses)
	var acc [NumClauseClasses]int32
	n := walk(text, func(h uint64, _ int) {
		b := int(h&m.mask) * k
		for c := range k {
			acc[c] += int32(m.q[b+c])
		}
	}, nil)
	norm := 0.0
	if n > 0 {
		norm = 1 / math.Sqrt(float64(n))
	}
	var z [NumClauseClasses]float64
	for c := range k {
		z[c] = float64(acc[c])*m.Scale[c]*norm + m.Bias[c]
	}
	return softmax(z)
}

// Classify returns the likeliest class of the clause text and its
// probability.
func (m *ClauseModel) Classify(text string) (ClauseClass, float64) {
	p := m.Probs(text)
	best := Fact
	for c := range NumClauseClasses {
		if p[c] > p[best] {
			best = c
		}
	}
	return best, p[best]
}

var clauseMagic = []byte("UPWCLAUS")

// Encode writes the clause model in the weight-file format (see
// encodeWeights).
func (m *ClauseModel) Encode() []byte { return encodeWeights(clauseMagic, m.ClauseMeta, m.q) }

// DecodeClauseModel reads a clause model written by Encode.
func DecodeClauseModel(data []byte) (*ClauseModel, error) {
	m := &ClauseModel{}
	q, err := decodeWeights(data, clauseMagic, "clause model", &m.ClauseMeta)
	if err != nil {
		return nil, err
	}
	if m.Version != Version || m.Bits < 8 || m.Bits > 20 {
		return nil, fmt.Errorf("clause model: version %d with %d bits (retrain)", m.Version, m.Bits)
	}
	if size := (1 << m.Bits) * int(NumClauseClasses); len(q) != size {
		return nil, fmt.Errorf("clause model: %d weights, want %d", len(q), size)
	}
	m.q, m.mask = q, 1<<m.Bits-1
	return m, nil
}

//go:embed clause.bin
var embeddedClause []byte

// DefaultClauseModel returns the embedded clause model, decoded on first
// use.
var DefaultClauseModel = sync.OnceValues(func() (*ClauseModel, error) { return DecodeClauseModel(embeddedClause) })
