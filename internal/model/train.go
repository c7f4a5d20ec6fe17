package model

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training item: the text the rules read (see
// cmd/upward-train) and which rules a labeller expects to fire.
type Example struct {
	ID     string
	Text   string
	Labels [NumRules]bool
	// Random marks real text sampled at random, at natural prevalence:
	// the items that calibration and thresholds are measured on.
	Random bool
}

// TrainOptions are the trainer's settings. The zero value is not useful:
// start from DefaultTrainOptions.
type TrainOptions struct {
	Bits   int
	Epochs int
	// Rate is AdaGrad's learning rate, L2 the weight decay.
	Rate, L2 float64
	// Seed fixes the order examples are visited in.
	Seed uint64
}

// DefaultTrainOptions are the settings the embedded model was trained with.
var DefaultTrainOptions = TrainOptions{Bits: 16, Epochs: 12, Rate: 0.25, L2: 1e-6, Seed: 1}

// featurized is an example as the trainer sees it.
type featurized struct {
	buckets []int32
	scale   float64
	y       [NumRules]float64
}

func featurize(ex []Example, bits int) []featurized {
	mask := uint64(1)<<bits - 1
	out := make([]featurized, len(ex))
	for i, e := range ex {
		var bs []int32
		n := walk(e.Text, func(h uint64, _ int) { bs = append(bs, int32(h&mask)) }, nil)
		f := featurized{buckets: bs}
		if n > 0 {
			f.scale = 1 / math.Sqrt(float64(n))
		}
		for r := range NumRules {
			if e.Labels[r] {
				f.y[r] = 1
			}
		}
		out[i] = f
	}
	return out
}

// Train fits the weights and biases of a model on ex (no calibration, no
// thresholds: see Calibrate). The result depends only on ex and opts.
func Train(ex []Example, opts TrainOptions) *Model {
	fs := featurize(ex, opts.Bits)
	size := (1 << opts.Bits) * NumRules
	w := make([]float64, size)
	g2 := make([]float64, size)
	var bias, gb [NumRules]float64
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5bd1e995))
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	const eps = 1e-8
	for range opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			f := &fs[i]
			var z [NumRules]float64
			for _, b := range f.buckets {
				base := int(b) * NumRules
				for r := range NumRules {
					z[r] += w[base+r]
				}
			}
			var g [NumRules]float64
			for r := range NumRules {
				p := sigmoid(z[r]*f.scale + bias[r])
				g[r] = p - f.y[r]
				gb[r] += g[r] * g[r]
				bias[r] -= opts.Rate * g[r] / (math.Sqrt(gb[r]) + eps)
			}
			for _, b := range f.buckets {
				base := int(b) * NumRules
				for r := range NumRules {
					gr := g[r]*f.scale + opts.L2*w[base+r]
					g2[base+r] += gr * gr
					w[base+r] -= opts.Rate * gr / (math.Sqrt(g2[base+r]) + eps)
				}
			}
		}
	}
	m := New(opts.Bits)
	m.setWeights(w)
	m.Bias = bias
	return m
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Platt fits a and b so that 1/(1+exp(-(a*m+b))) predicts y from margins
// ms (Newton's method on the log loss, with Platt's target smoothing).
func Platt(ms []float64, ys []bool) (a, b float64) {
	var npos, nneg float64
	for _, y := range ys {
		if y {
			npos++
		} else {
			nneg++
		}
	}
	hi, lo := (npos+1)/(npos+2), 1/(nneg+2)
	a, b = 1, 0
	for range 100 {
		var ga, gb, haa, hab, hbb float64
		for i, m := range ms {
			t := lo
			if ys[i] {
				t = hi
			}
			p := sigmoid(a*m + b)
			d := p - t
			ga += d * m
			gb += d
			v := p * (1 - p)
			haa += v * m * m
			hab += v * m
			hbb += v
		}
		haa += 1e-9
		hbb += 1e-9
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da)+math.Abs(db) < 1e-10 {
			break
		}
	}
	return a, b
}

// PrecisionAt estimates precision at prevalence prev for a threshold t:
// recall measured on every positive, the false-alarm rate on real text.
func PrecisionAt(t float64, pos, realNeg []float64, prev float64) (precision, recall, falseRate float64) {
	recall = fracAtLeast(pos, t)
	falseRate = fracAtLeast(realNeg, t)
	if recall == 0 {
		return 0, 0, falseRate
	}
	return prev * recall / (prev*recall + (1-prev)*falseRate), recall, falseRate
}

// fracAtLeast is the fraction of the sorted slice xs at or above t.
func fracAtLeast(xs []float64, t float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	i, _ := slices.BinarySearch(xs, t)
	return float64(len(xs)-i) / float64(len(xs))
}

// Threshold returns the lowest margin among the candidates whose estimated
// precision at prevalence prev reaches target, or +Inf. pos and realNeg
// must be sorted. A threshold must keep at least minPos positives.
func Threshold(pos, realNeg []float64, prev, target float64, minPos int) float64 {
	best := math.Inf(1)
	cands := slices.Clone(pos)
	slices.Sort(cands)
	for i := len(cands) - minPos; i >= 0; i-- {
		t := cands[i]
		p, _, _ := PrecisionAt(t, pos, realNeg, prev)
		if p >= target {
			best = t
		}
	}
	return best
}
