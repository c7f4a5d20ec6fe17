package rewrites

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// A Verdict is one reviewer's rating of one rewrite of a judged sample.
type Verdict struct {
	ID      string `json:"id"`
	Verdict string `json:"verdict"` // accept, accept-after-placeholders or reject
	Why     string `json:"why"`
}

// Accepted reports whether the reviewer would use the rewrite, as is or
// after filling its placeholders.
func (v Verdict) Accepted() bool {
	return v.Verdict == "accept" || v.Verdict == "accept-after-placeholders"
}

// Judged is a judged sample: the rewrites (sample.jsonl) and each
// reviewer's verdicts (judged.<name>.jsonl), line by line.
type Judged struct {
	Rules     []string    // the rule of each sample line
	Reviewers []string    // reviewer names, sorted
	Verdicts  [][]Verdict // per reviewer, one per sample line
}

// ReadJudged reads a judged sample from dir. Each judged file must have
// one verdict per sample line, in order (IDs may repeat across rules, so
// lines are matched by position and their IDs checked).
func ReadJudged(dir string) (*Judged, error) {
	type line struct {
		ID   string `json:"id"`
		Rule string `json:"rule"`
	}
	var sample []line
	if err := readLines(filepath.Join(dir, "sample.jsonl"), func(b []byte) error {
		var l line
		err := json.Unmarshal(b, &l)
		sample = append(sample, l)
		return err
	}); err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "judged.*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no judged.<reviewer>.jsonl files", dir)
	}
	sort.Strings(files)
	j := &Judged{}
	for _, l := range sample {
		j.Rules = append(j.Rules, l.Rule)
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "judged."), ".jsonl")
		var vs []Verdict
		if err := readLines(f, func(b []byte) error {
			var v Verdict
			err := json.Unmarshal(b, &v)
			vs = append(vs, v)
			return err
		}); err != nil {
			return nil, err
		}
		if len(vs) != len(sample) {
			return nil, fmt.Errorf("%s: %d verdicts for %d sample lines", f, len(vs), len(sample))
		}
		for i, v := range vs {
			if v.ID != sample[i].ID {
				return nil, fmt.Errorf("%s:%d: verdict for %q, sample line is %q", f, i+1, v.ID, sample[i].ID)
			}
			switch v.Verdict {
			case "accept", "accept-after-placeholders", "reject":
			default:
				return nil, fmt.Errorf("%s:%d: unknown verdict %q", f, i+1, v.Verdict)
			}
		}
		j.Reviewers = append(j.Reviewers, name)
		j.Verdicts = append(j.Verdicts, vs)
	}
	return j, nil
}

func readLines(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	return sc.Err()
}

// Kappa is Cohen's kappa of two reviewers' accept/reject calls on the
// lines where keep is true.
func (j *Judged) Kappa(a, b int, keep func(i int) bool) float64 {
	var both, aOnly, bOnly, neither float64
	for i := range j.Rules {
		if !keep(i) {
			continue
		}
		x, y := j.Verdicts[a][i].Accepted(), j.Verdicts[b][i].Accepted()
		switch {
		case x && y:
			both++
		case x:
			aOnly++
		case y:
			bOnly++
		default:
			neither++
		}
	}
	n := both + aOnly + bOnly + neither
	if n == 0 {
		return 0
	}
	po := (both + neither) / n
	pa, pb := (both+aOnly)/n, (both+bOnly)/n
	pe := pa*pb + (1-pa)*(1-pb)
	if pe == 1 {
		return 1
	}
	return (po - pe) / (1 - pe)
}

// Report writes, per rule and in all, each reviewer's acceptance, the
// share accepted by every reviewer, and (for two or more) the first two
// reviewers' agreement on accept/reject and Cohen's kappa.
func (j *Judged) Report(w io.Writer) {
	rules := slices.Clone(j.Rules)
	sort.Strings(rules)
	rules = slices.Compact(rules)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "rule\tn\t")
	for _, r := range j.Reviewers {
		fmt.Fprintf(tw, "%s\t", r)
	}
	fmt.Fprint(tw, "all accept\t")
	if len(j.Reviewers) > 1 {
		fmt.Fprint(tw, "agree\tkappa\t")
	}
	fmt.Fprintln(tw)
	row := func(name string, keep func(i int) bool) {
		n, all := 0, 0
		acc := make([]int, len(j.Reviewers))
		agree := 0
		for i := range j.Rules {
			if !keep(i) {
				continue
			}
			n++
			every := true
			for r := range j.Reviewers {
				if j.Verdicts[r][i].Accepted() {
					acc[r]++
				} else {
					every = false
				}
			}
			if every {
				all++
			}
			if len(j.Reviewers) > 1 && j.Verdicts[0][i].Accepted() == j.Verdicts[1][i].Accepted() {
				agree++
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t", name, n)
		for _, a := range acc {
			fmt.Fprintf(tw, "%s\t", pct(a, n))
		}
		fmt.Fprintf(tw, "%s\t", pct(all, n))
		if len(j.Reviewers) > 1 {
			fmt.Fprintf(tw, "%s\t%.2f\t", pct(agree, n), j.Kappa(0, 1, keep))
		}
		fmt.Fprintln(tw)
	}
	for _, r := range rules {
		row(r, func(i int) bool { return j.Rules[i] == r })
	}
	row("all", func(int) bool { return true })
	tw.Flush()
}

func pct(a, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(a)/float64(n))
}
