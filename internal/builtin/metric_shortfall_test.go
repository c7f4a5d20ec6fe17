package builtin

import "testing"

func TestShortfall(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"We're 20% over on spend.", true},
		{"We are 12.5 % behind target.", true},
		{"The export is two weeks late.", true},
		{"The export is several sprints behind schedule.", true},
		{"Revenue grew 20% over last year's.", false},
		{"Signups are 5% over the previous quarter.", false},
		{"The build takes 4 minutes.", false},
		{"Renewals closed 15% under plan.", true},
		{"Signups are 8% below forecast.", true},
		{"Travel is 10% above budget.", true},
		{"Revenue is 15% above plan.", false},
		{"Latency is 30% below last month's.", false},
	} {
		if got := shortfall(c.text); got != c.want {
			t.Errorf("shortfall(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestMetricShortfallTerse(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Only three of the ten pilot teams returned the survey.", true},
		{"The budget covers only 9 of the 12 hires.", true},
		{"Errors appeared in only 2 of 40 runs.", false},
		{"The pause happened only 4 of 368 times.", false},
		{"Churn is running at twice last quarter's rate.", true},
		{"Retention is twice last quarter's.", false},
		{"Click-through fell from 4.1% to 2.3%.", true},
		{"Click-through rose from 2.3% to 4.1%.", false},
		{"The primary database is at 94% disk.", true},
		{"The primary database is at 40% disk.", false},
	} {
		if got := metricShortfall(c.text); got != c.want {
			t.Errorf("metricShortfall(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
