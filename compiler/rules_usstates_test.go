package compiler_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/render"

	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	usstates "github.com/disclose-dev/disclose/compiler/jurisdiction/us-states"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The US state pack's rule cases: each removes or changes the data one
// requirement needs, in a fresh copy of the sample.
func init() {
	ruleCases = append(ruleCases, []ruleCase{
		// Which laws apply.
		{"a state listed with neither a count nor an answer", "USST-SCOPE", "", func(p *model.Project) {
			usState(p, "OR").Consumers = 0
		}},
		{"a state's law declared not to apply against its count", "USST-SCOPE", "", func(p *model.Project) {
			usState(p, "VA").Applies = model.No
		}},
		{"consumer counts without the measures", "USST-SCOPE", "", func(p *model.Project) {
			usstates.Of(p).Measures = nil
		}},
		// Whose data.
		{"no group of people marked as consumers", "USST-CONSUMERS", "", func(p *model.Project) {
			for _, s := range p.Subjects {
				usstates.Subject(s).USConsumer = model.No
			}
			for _, pu := range p.Purposes {
				if len(pu.Subjects) == 0 { // about everyone: now only customers
					pu.Subjects = []string{"customers"}
				}
			}
		}},
		// The common core.
		{"no way to appeal", "USST-APPEAL", "", func(p *model.Project) {
			p.Rights.Appeal, usstates.Of(p).Appeal = "", ""
		}},
		{"a state listed twice", "USST-SCOPE", "", func(p *model.Project) {
			f := usstates.Of(p)
			f.States = append(f.States, &usstates.State{State: "VA", Consumers: 10})
		}},
		{"privacy contact by phone and post only", "USST-CONTACT GLB-03", "", func(p *model.Project) {
			p.Organization.PrivacyContact.Email, p.Organization.PrivacyContact.WebForm = "", ""
		}},
		{"profiling not answered", "USST-SALE", "", func(p *model.Project) {
			usstates.Of(p).Profiling = ""
		}},
		{"targeted advertising without the opt-out page", "USST-SALE", "", func(p *model.Project) {
			usstates.Of(p).OptOutURL = ""
		}},
		{"a purpose that sells, while nothing is sold", "USST-SALE-PURPOSES", "", func(p *model.Project) {
			usstates.Purpose(purpose(p, "billing-payments")).USSale = model.Yes
		}},
		{"targeted advertising with no purpose that does it", "USST-SALE-PURPOSES", "", func(p *model.Project) {
			usstates.Purpose(purpose(p, "interest-based-ads")).USTargetedAdvertising = model.No
		}},
		{"a purpose that does not say whether it profiles, in Colorado", "CO-RULE-6.03", "", func(p *model.Project) {
			usstates.Purpose(purpose(p, "security")).USProfiling = ""
		}},
		// Sensitive data.
		{"precise geolocation without saying how consent is asked", "USST-SENSITIVE", "", func(p *model.Project) {
			usstates.Category(category(p, "website-mobile")).USSensitive = []string{"precise_geolocation"}
		}},
		{"sensitive data sold where Maryland's law applies", "MD-14-4707-A-2", "", func(p *model.Project) {
			sellSensitive(p)
		}},
		{"precise geolocation sold where Oregon's law applies", "OR-646A.578-2-GEO", "", func(p *model.Project) {
			sellSensitive(p)
			usState(p, "OR").Consumers = 120000
			usState(p, "MD").Consumers = 1000
			usstates.Of(p).UsesAssumedNames = model.No
		}},
		// Opt-out signals and teenagers.
		{"targeted advertising without saying how opt-out signals are processed", "USST-UOOM", "", func(p *model.Project) {
			usstates.Of(p).UniversalOptOut = ""
		}},
		{"targeted advertising without saying whether teenagers are targeted", "USST-MINORS", "", func(p *model.Project) {
			usstates.Of(p).TeensSoldOrTargeted = ""
		}},
		{"teenagers targeted where Maryland prohibits it", "USST-MINORS", "", func(p *model.Project) {
			usstates.Of(p).TeensSoldOrTargeted = model.Yes
			usstates.Of(p).TeensConsent = "Teenagers opt in on a separate screen."
		}},
		{"teenagers targeted without saying how they consent", "USST-MINORS", "", func(p *model.Project) {
			usState(p, "MD").Consumers = 1000 // Maryland and Connecticut prohibit it
			usState(p, "CT").Consumers = 1000
			usstates.Of(p).TeensSoldOrTargeted = model.Yes
		}},
		// The states' own items.
		{"Oregon's law applies, assumed business names not answered", "OR-646A.578-4-g", "", func(p *model.Project) {
			usState(p, "OR").Consumers = 120000
			usstates.Of(p).UsesAssumedNames = ""
		}},
		{"Oregon's law applies, assumed names promised but not given", "OR-646A.578-4-g", "", func(p *model.Project) {
			usState(p, "OR").Consumers = 120000
			usstates.Of(p).UsesAssumedNames = model.Yes
		}},
		{"Connecticut's law applies, large language model training not answered", "CT-LLM", "", func(p *model.Project) {
			usstates.Of(p).LLMTraining = ""
		}},
		{"Minnesota's law applies, the notice's languages and accessibility not signed off", "USST-FORM", "", func(p *model.Project) {
			usState(p, "MN").Consumers = 120000
			p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "USST-FORM" })
		}},
	}...)
}

// usState returns the sample's entry of the state code in us_states.states.
func usState(p *model.Project, code string) *usstates.State {
	return must(jurisdiction.Lookup(usstates.Of(p).States, code, func(s *usstates.State) string { return s.State }), "state", code)
}

// sellSensitive makes the sample sell its website data, which then holds
// precise geolocation, with the consent the states ask for.
func sellSensitive(p *model.Project) {
	f := usstates.Of(p)
	f.Sells = model.Yes
	f.SensitiveConsent = "We ask for your consent in the app before we use your precise location."
	usstates.Purpose(purpose(p, "interest-based-ads")).USSale = model.Yes
	usstates.Category(category(p, "website-mobile")).USSensitive = []string{"precise_geolocation"}
}

// Which state laws apply follows the notice's date: each law from its
// effective date, each threshold while it is in force.
func TestUSStateLawsFollowTheDate(t *testing.T) {
	ref, diags := compiler.Reference()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	for _, tc := range []struct {
		date  model.Date
		edit  func(*usstates.Facts)
		want  string
		notes string
	}{
		{"2022-12-31", nil, "", "before Virginia's law took effect, no state law applies and there is no notice"},
		{"2023-01-01", nil, "VA", "Virginia from its first day"},
		{"2023-07-01", nil, "VA CO", "Colorado from July 2023; Connecticut's 100,000 threshold is not met by 41,000"},
		{"2024-07-01", nil, "VA CO TX", "Texas from July 2024: not a small business"},
		{"2025-10-01", nil, "VA CO TX NE MD", "Nebraska from 2025, Maryland from October 2025 (35,000)"},
		{"2026-06-30", nil, "VA CO TX NE MD", "the last day of Connecticut's 100,000 threshold"},
		{"2026-07-01", nil, "VA CO CT TX NE MD", "Connecticut's 35,000 threshold from July 2026"},
		{"2026-07-01", func(f *usstates.Facts) { f.Measures.SmallBusiness = model.Yes }, "VA CO CT MD", "a small business is outside Texas's and Nebraska's laws"},
		// The thresholds' edges: "at least" and "or more" include the figure,
		// "over" does not.
		{"2026-07-01", func(f *usstates.Facts) { setCount(f, "UT", 100000) }, "VA CO CT UT TX NE MD", "Utah: 100,000 consumers and revenue of $25,000,000 or more"},
		{"2026-07-01", func(f *usstates.Facts) { setCount(f, "UT", 100000); f.Measures.RevenueUSD = 25000000 }, "VA CO CT UT TX NE MD", "Utah at exactly $25,000,000"},
		{"2026-07-01", func(f *usstates.Facts) { setCount(f, "UT", 100000); f.Measures.RevenueUSD = 24999999 }, "VA CO CT TX NE MD", "Utah just below its revenue test"},
		{"2026-07-01", func(f *usstates.Facts) { setCount(f, "TN", 175000); f.Measures.RevenueUSD = 25000000 }, "VA CO CT TX NE MD", "Tennessee asks for revenue over $25,000,000"},
		{"2026-07-01", func(f *usstates.Facts) { f.Measures.RevenueFromSalePercent = 25 }, "VA CO CT TX OR NE NJ MD", "Oregon at exactly 25% from selling, with 38,000 consumers (\"25 percent or more\"); New Jersey counts any sale revenue; Minnesota asks for over 25%"},
		{"2026-07-01", func(f *usstates.Facts) { setCount(f, "VA", 99999) }, "CO CT TX NE MD", "Virginia one consumer short"},
		{"2026-07-01", func(f *usstates.Facts) { setCount(f, "VA", 99999); paymentOnly(f, "VA", 1) }, "VA CO CT TX NE MD", "Virginia counts consumers whose data is processed only to take a payment"},
		{"2026-07-01", func(f *usstates.Facts) { paymentOnly(f, "CT", 0); setCount(f, "CT", 34999); paymentOnly(f, "CT", 5000) }, "VA CO TX NE MD", "Connecticut leaves them out"},
		{"2026-07-01", func(f *usstates.Facts) { f.Measures.RevenueFromSalePercent = 60 }, "VA CO CT UT TX OR NE NJ TN MN MD", "selling data brings the 25,000-consumer tests into play (Tennessee with its revenue test; Indiana and Kentucky have fewer than 25,000)"},
	} {
		p := *usstates.Of(proj)
		m := *p.Measures
		p.Measures = &m
		p.States = slices.Clone(p.States)
		if tc.edit != nil {
			tc.edit(&p)
		}
		copied := *proj
		copied.Ext = model.Ext{}
		for k, v := range proj.Ext {
			copied.Ext[k] = v
		}
		copied.Ext[usstates.ID] = &usstates.Sections{USStates: &p}
		c := &jurisdiction.Context{Project: &copied, Reference: ref, Date: tc.date}
		var got []string
		for _, l := range usstates.Applying(c) {
			got = append(got, l.Code)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s (%s): laws %v, want %s", tc.date, tc.notes, got, tc.want)
		}
		if applies, why := usstates.New().Applies(c); applies != (tc.want != "") {
			t.Errorf("%s: Applies = %v (%s)", tc.date, applies, why)
		}
	}
}

// Every state's own notice item in the reference data names the
// requirement of the pack that makes it (or says it is a duty outside the
// notice): no item of the law is listed and then forgotten.
func TestUSStateItemsAreImplemented(t *testing.T) {
	ref, diags := compiler.Reference()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	ids := map[string]bool{"not_notice": true}
	for _, q := range usstates.New().Requirements() {
		ids[q.ID] = true
	}
	laws := usstates.Laws(&jurisdiction.Context{Reference: ref, Date: "2100-01-01"})
	if len(laws) < 18 {
		t.Fatalf("%d state laws in the reference data, want every one of the 18", len(laws))
	}
	n := 0
	for _, l := range laws {
		for _, sp := range l.Specific {
			n++
			if !ids[sp.By] {
				t.Errorf("%s %s: by: %s names no requirement of the pack", l.Code, sp.ID, sp.By)
			}
		}
	}
	if n == 0 {
		t.Error("no state-specific item in the reference data")
	}
}

// setCount sets the count of the state code in f, which must list it.
func setCount(f *usstates.Facts, code string, n int) {
	for i, st := range f.States {
		if st.State == code {
			c := *st
			c.Consumers = n
			f.States[i] = &c
		}
	}
}

// paymentOnly sets the payment-only count of the state code in f.
func paymentOnly(f *usstates.Facts, code string, n int) {
	for i, st := range f.States {
		if st.State == code {
			c := *st
			c.PaymentOnly = n
			f.States[i] = &c
		}
	}
}

// The US state notice's appeal may be in its own words (us_states.appeal)
// alone: then rights.appeal is not needed.
func TestUSStateAppealInItsOwnWords(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	proj.Rights.Appeal = ""
	for _, d := range compiler.CheckRules(proj, &compiler.Options{Date: day}) {
		if d.Rule != nil && d.Rule.ID == "USST-APPEAL" {
			t.Errorf("appeal given in us_states.appeal, yet %s", d.Error())
		}
	}
}

// A threshold's figure the measures leave out is not read as zero: the
// states whose thresholds need it are reported, not judged.
func TestUSStateMissingMeasureIsNotZero(t *testing.T) {
	fsys := sampleWith(t, "data/us-states.yaml", "    revenue_usd: 62000000\n", "")
	_, diags := compiler.Check(fsys, "data", sampleOpts)
	var got []string
	for _, d := range diags {
		if d.Rule != nil && d.Rule.ID == "USST-SCOPE" {
			got = append(got, d.Message)
		}
	}
	want := []string{ // both at us_states.measures, in message order
		"Tennessee's threshold looks at revenue_usd, which us_states.measures does not give, so the data does not say whether its law applies on 2026-11-23",
		"Utah's threshold looks at revenue_usd, which us_states.measures does not give, so the data does not say whether its law applies on 2026-11-23",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Texas's prescribed notices are printed, word for word, where Texas's law
// applies and sensitive (or biometric) data is sold, and nowhere else.
func TestTexasNoticesAreVerbatim(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*model.Project)
		want []string
	}{
		{"nothing sold", func(*model.Project) {}, nil},
		{"sensitive data sold", sellSensitive, []string{"NOTICE: We may sell your sensitive personal data."}},
		{"biometric data sold", func(p *model.Project) {
			sellSensitive(p)
			usstates.Category(category(p, "website-mobile")).USSensitive = []string{"biometric"}
		}, []string{"NOTICE: We may sell your sensitive personal data.", "NOTICE: We may sell your biometric personal data."}},
		{"sold, but Texas's law does not apply", func(p *model.Project) {
			sellSensitive(p)
			usstates.Of(p).Measures.SmallBusiness = model.Yes
		}, nil},
	} {
		proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
		tc.edit(proj)
		docs, _ := compiler.CompileProject(proj, &compiler.Options{Date: day})
		var md string
		for _, d := range docs {
			if d.ID == usstates.ID {
				md = string(render.Markdown(d, nil))
			}
		}
		for _, banner := range []string{"NOTICE: We may sell your sensitive personal data.", "NOTICE: We may sell your biometric personal data."} {
			if got, want := strings.Contains(md, "**"+banner+"**"), slices.Contains(tc.want, banner); got != want {
				t.Errorf("%s: %q printed: %v, want %v", tc.name, banner, got, want)
			}
		}
	}
}

// sampleWith is the sample with old replaced by new in the file name.
func sampleWith(t *testing.T, name, old, new string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(disclose.Sample, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, path)
		if path == name {
			if !strings.Contains(string(b), old) {
				t.Fatalf("%s has no %q", name, old)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		fsys[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}
