package model

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
)

// Sensitivity names a precision target at real-world prevalence.
type Sensitivity int

const (
	// Balanced is the default.
	Balanced Sensitivity = iota
	// Precise flags less and is right more often.
	Precise
	// Thorough flags more and is wrong more often.
	Thorough
)

var sensitivityNames = [...]string{"balanced", "precise", "thorough"}

func (s Sensitivity) String() string {
	if s < 0 || int(s) >= len(sensitivityNames) {
		return fmt.Sprintf("sensitivity(%d)", int(s))
	}
	return sensitivityNames[s]
}

// ParseSensitivity parses "precise", "balanced" or "thorough".
func ParseSensitivity(s string) (Sensitivity, error) {
	for i, n := range sensitivityNames {
		if n == s {
			return Sensitivity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown sensitivity %q (want precise, balanced or thorough)", s)
}

// Targets are the precision targets, at real-world prevalence, that the
// trainer chooses each sensitivity's thresholds for.
var Targets = [len(sensitivityNames)]float64{Balanced: 0.8, Precise: 0.9, Thorough: 0.65}

// Meta is what the trainer records beside the weights.
type Meta struct {
	// Version is the feature and file format version.
	Version int `json:"version"`
	// Bits is log2 of the number of hash buckets.
	Bits int `json:"bits"`
	// CorpusSHA256 is the hash of the training corpus (see CorpusHash); a
	// test fails when it no longer matches testdata/train.
	CorpusSHA256 string `json:"corpus_sha256"`
	// Items is the number of training items, Positives per rule.
	Items     int               `json:"items"`
	Positives map[string]int    `json:"positives"`
	Bias      [NumRules]float64 `json:"bias"`
	// Scale maps each rule's int16 weights to margins.
	Scale [NumRules]float64 `json:"scale"`
	// PlattA and PlattB map a margin m to a probability at real-world
	// prevalence, 1/(1+exp(-(A*m+B))).
	PlattA [NumRules]float64 `json:"platt_a"`
	PlattB [NumRules]float64 `json:"platt_b"`
	// Thresholds are margins per sensitivity (by name) and rule: the model
	// fires at or above them. +Inf (stored as null) never fires.
	Thresholds map[string][NumRules]*float64 `json:"thresholds"`
	// Veto is the margin per rule below which a phrase hit is dropped as
	// clearly neutral; null vetoes nothing.
	Veto [NumRules]*float64 `json:"veto"`
	// Notes are the trainer's measurements (out-of-fold, in-sample for
	// the corpus): for the README and the closing note, not read at run
	// time.
	Notes map[string]any `json:"notes,omitempty"`
}

// Version is the current feature and file format version.
const Version = 2

// Model is a trained model: per-bucket weights for every rule side by side
// (q[b*NumRules+r], int16 scaled by Meta.Scale: half the memory of
// float32, so more of the table stays in cache), and its Meta.
type Model struct {
	Meta
	mask uint64
	q    []int16
	thr  [len(sensitivityNames)][NumRules]float32
	veto [NumRules]float32
}

var magic = []byte("UPWMODEL")

// Encode writes the model in the weight-file format (see encodeWeights).
func (m *Model) Encode() []byte { return encodeWeights(magic, m.Meta, m.q) }

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	m := &Model{}
	q, err := decodeWeights(data, magic, "model", &m.Meta)
	if err != nil {
		return nil, err
	}
	if m.Version != Version {
		return nil, fmt.Errorf("model: version %d, want %d (retrain)", m.Version, Version)
	}
	if m.Bits < 8 || m.Bits > 24 {
		return nil, fmt.Errorf("model: %d bits", m.Bits)
	}
	if size := (1 << m.Bits) * NumRules; len(q) != size {
		return nil, fmt.Errorf("model: %d weights, want %d", len(q), size)
	}
	m.q = q
	m.Prepare()
	return m, nil
}

// encodeWeights writes a weight file: magic, the length of the JSON meta,
// the meta, then the weights as little-endian int16.
func encodeWeights(magic []byte, meta any, q []int16) []byte {
	js, err := json.MarshalIndent(meta, "", " ")
	if err != nil {
		panic(err) // metas have only plain fields
	}
	var b bytes.Buffer
	b.Write(magic)
	binary.Write(&b, binary.LittleEndian, uint32(len(js)))
	b.Write(js)
	buf := make([]byte, 2*len(q))
	for i, v := range q {
		binary.LittleEndian.PutUint16(buf[2*i:], uint16(v))
	}
	b.Write(buf)
	return b.Bytes()
}

// decodeWeights reads a weight file written by encodeWeights into meta
// and returns its weights; what names the file kind in errors.
func decodeWeights(data, magic []byte, what string, meta any) ([]int16, error) {
	if !bytes.HasPrefix(data, magic) || len(data) < len(magic)+4 {
		return nil, fmt.Errorf("%s: not a %s file", what, what)
	}
	data = data[len(magic):]
	n := int(binary.LittleEndian.Uint32(data))
	data = data[4:]
	if n > len(data) {
		return nil, fmt.Errorf("%s: truncated meta", what)
	}
	if err := json.Unmarshal(data[:n], meta); err != nil {
		return nil, fmt.Errorf("%s: meta: %w", what, err)
	}
	data = data[n:]
	if len(data)%2 != 0 {
		return nil, fmt.Errorf("%s: %d bytes of weights, not a whole number of int16", what, len(data))
	}
	q := make([]int16, len(data)/2)
	for i := range q {
		q[i] = int16(binary.LittleEndian.Uint16(data[2*i:]))
	}
	return q, nil
}

// Prepare derives the run-time tables from the meta: call it after
// changing the thresholds or the veto.
func (m *Model) Prepare() {
	m.mask = 1<<m.Bits - 1
	for si, name := range sensitivityNames {
		t := m.Thresholds[name]
		for r := range NumRules {
			m.thr[si][r] = float32(math.Inf(1))
			if t[r] != nil {
				m.thr[si][r] = float32(*t[r])
			}
		}
	}
	for r := range NumRules {
		m.veto[r] = float32(math.Inf(-1))
		if m.Veto[r] != nil {
			m.veto[r] = float32(*m.Veto[r])
		}
	}
}

// New returns an untrained model with 2^bits buckets.
func New(bits int) *Model {
	m := &Model{Meta: Meta{Version: Version, Bits: bits}}
	m.q = make([]int16, (1<<bits)*NumRules)
	for r := range m.Scale {
		m.Scale[r] = 1.0 / 1024
	}
	m.Prepare()
	return m
}

// setWeights quantises w (laid out as q) to int16, one scale per rule.
func (m *Model) setWeights(w []float64) { quantize(w, m.q, m.Scale[:]) }

// quantize writes into q the weights w, laid out as len(scale) columns
// side by side, as int16 with one scale per column (the largest weight
// of a column maps to MaxInt16), and sets scale.
func quantize(w []float64, q []int16, scale []float64) {
	k := len(scale)
	for c := range k {
		top := 0.0
		for i := c; i < len(w); i += k {
			top = max(top, math.Abs(w[i]))
		}
		scale[c] = 1.0 / 1024
		if top > 0 {
			scale[c] = top / math.MaxInt16
		}
		for i := c; i < len(w); i += k {
			q[i] = int16(math.Round(w[i] / scale[c]))
		}
	}
}

// weights returns the weights as float64, laid out as q.
func (m *Model) weights() []float64 {
	w := make([]float64, len(m.q))
	for i, v := range m.q {
		w[i] = float64(v) * m.Scale[i%NumRules]
	}
	return w
}

// Scores are the margins (log-odds before calibration) of the six rules.
type Scores [NumRules]float32

// Score returns the margins of text for every rule.
func (m *Model) Score(text string) Scores {
	var acc [NumRules]int32
	q, mask := m.q, m.mask
	n := walk(text, func(h uint64, _ int) {
		b := int(h&mask) * NumRules
		ws := q[b : b+NumRules : b+NumRules]
		acc[0] += int32(ws[0])
		acc[1] += int32(ws[1])
		acc[2] += int32(ws[2])
		acc[3] += int32(ws[3])
		acc[4] += int32(ws[4])
		acc[5] += int32(ws[5])
	}, nil)
	var s Scores
	norm := 0.0
	if n > 0 {
		norm = 1 / math.Sqrt(float64(n))
	}
	for r := range NumRules {
		s[r] = float32(float64(acc[r])*m.Scale[r]*norm + m.Bias[r])
	}
	return s
}

// Fires reports whether margin s of rule r reaches the threshold of the
// sensitivity.
func (m *Model) Fires(r int, s float32, sens Sensitivity) bool {
	return s >= m.thr[sens][r]
}

// Vetoes reports whether margin s of rule r is low enough to drop a phrase
// hit of that rule as clearly neutral.
func (m *Model) Vetoes(r int, s float32) bool { return s < m.veto[r] }

// Probability is the calibrated probability, at real-world prevalence, of
// margin s for rule r.
func (m *Model) Probability(r int, s float32) float64 {
	return 1 / (1 + math.Exp(-(m.PlattA[r]*float64(s) + m.PlattB[r])))
}

// Contribution is how much one word of a text pushed a rule's score.
type Contribution struct {
	Start, End int // byte offsets into the text
	Weight     float32
}

// Explain returns the words of text that pushed rule r's score up the
// most, strongest first, at most k: each word's unigram, character
// n-grams and half of each bigram it is part of.
func (m *Model) Explain(text string, r, k int) []Contribution {
	var toks []token
	type feat struct {
		tok int
		w   float32
	}
	var feats []feat
	mask := m.mask
	walk(text, func(h uint64, tok int) {
		feats = append(feats, feat{tok: tok, w: float32(float64(m.q[int(h&mask)*NumRules+r]) * m.Scale[r])})
	}, &toks)
	per := make([]float32, len(toks))
	// walk emits, per token, its character n-grams, then its unigram,
	// then the bigram with the token before.
	for i, f := range feats {
		if f.tok >= len(per) {
			continue
		}
		isBigram := i+1 == len(feats) || feats[i+1].tok != f.tok
		if isBigram && f.tok > 0 {
			per[f.tok] += f.w / 2
			per[f.tok-1] += f.w / 2
		} else {
			per[f.tok] += f.w
		}
	}
	idx := make([]int, len(toks))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return per[idx[a]] > per[idx[b]] })
	var out []Contribution
	for _, i := range idx {
		if len(out) == k || per[i] <= 0 {
			break
		}
		out = append(out, Contribution{Start: toks[i].start, End: toks[i].end, Weight: per[i]})
	}
	slices.SortFunc(out, func(a, b Contribution) int { return a.Start - b.Start })
	return out
}

//go:embed model.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoded on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Decode(embedded) })
	return defaultModel, defaultErr
}

// Nudge adds w to rule r's weight of every feature of text: for tests
// that need a model with known opinions.
func (m *Model) Nudge(text string, r int, w float64) {
	ws := m.weights()
	walk(text, func(h uint64, _ int) { ws[int(h&m.mask)*NumRules+r] += w }, nil)
	m.setWeights(ws)
}
