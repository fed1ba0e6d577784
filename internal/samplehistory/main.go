// Command samplehistory writes the sample company's release history into
// releases/: the notices as Helpwise published them in 2018, 2021 and 2025,
// and the upcoming version of December 2026. Each past version is compiled
// from the sample data as it stood then (the edits below) and checked
// against the law in force on its effective date.
//
// Run it from the repository root: go run ./internal/samplehistory. It
// refuses to overwrite an existing releases/ folder: released versions are a
// record, and the history is written once. The ledger it writes is chained
// (release.Plan appends each version to the hash chain), the notices of one
// release in the order of their ids, and it verifies what it wrote.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/check"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
)

type era struct {
	effective, released, summary string
	edit                         func(p *model.Project, day string)
}

var eras = []era{
	{"2018-05-25", "2018-05-10", "Our first policy for the GDPR, with a European supplement.", edit2018},
	{"2021-03-01", "2021-01-29", "New service providers, a California Privacy Notice, and transfers from the United Kingdom after Brexit.", edit2021},
	{"2025-12-15", "2025-11-14", "Certification under the EU-U.S. Data Privacy Framework, AI tools for support and sales, and new service providers.", edit2025},
	{"2026-12-15", "2026-11-13", "A complaints process for the UK, two new service providers (Anthropic and an out-of-hours support partner in India), and our annual review of the California notice.", nil},
}

func main() {
	if _, err := os.Stat(release.Dir); err == nil {
		fail(fmt.Errorf("%s/ exists; remove it first to write the history again", release.Dir))
	}
	l := &release.Ledger{}
	files := map[string][]byte{}
	for _, e := range eras {
		eff, rel := model.Date(e.effective), model.Date(e.released)
		opts := &compiler.Options{Date: eff, LastUpdated: rel}
		p, diags := load.Load(os.DirFS("."), "data", compiler.Extensions()...)
		diags.Append(check.Check(p, nil)...)
		if e.edit != nil {
			e.edit(p, e.effective)
			diags.Append(check.Check(p, nil)...)
		}
		diags.Append(compiler.CheckRules(p, opts)...)
		docs, more := compiler.CompileProject(p, opts)
		diags.Append(more...)
		if diags.HasErrors() {
			pr := &diag.Printer{Format: diag.Text}
			_ = pr.Print(os.Stderr, diags)
			fail(fmt.Errorf("the %s version does not pass its checks", e.effective))
		}
		// The sub-processor list is among the notices: its rule pack is
		// registered like the others.
		// The notices of one release join the ledger's chain in the order
		// of their ids, the order release.Upgrade gives a legacy ledger.
		slices.SortFunc(docs, func(a, b *notice.Document) int { return strings.Compare(a.ID, b.ID) })
		var force []string
		if e.edit == nil {
			force = []string{"california"} // the annual review (Civ. Code §1798.130(a)(5))
		}
		_, fs, err := release.Plan(l, release.Request{Effective: eff, Released: rel, Summary: e.summary, Notices: docs, Project: p, Force: force, Markdown: compiler.FrozenMarkdown,
			NoticeDays: compiler.NoticeDays(compiler.Facts(p, opts)), Checks: compiler.ReleaseChecks(p, opts),
			Load: func(v *release.Version) (*notice.Document, error) {
				var d notice.Document
				return &d, d.UnmarshalJSON(files[filepath.ToSlash(filepath.Join(v.Folder(), "notice.json"))])
			},
			LoadData: func(v *release.Version) ([]byte, error) {
				return files[filepath.ToSlash(filepath.Join(v.Folder(), "data.json"))], nil
			},
			Changes: compiler.Changes, Relevant: diff.For,
		})
		if err != nil {
			fail(err)
		}
		for name, b := range fs {
			files[name] = b
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		path := filepath.Join(release.Dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		if err := os.WriteFile(path, files[n], 0o644); err != nil {
			fail(err)
		}
	}
	if diags := release.Verify(os.DirFS("."), release.Dir, l); len(diags) > 0 {
		pr := &diag.Printer{Format: diag.Text}
		_ = pr.Print(os.Stderr, diags)
		fail(fmt.Errorf("the history written does not verify"))
	}
	fmt.Printf("wrote %d versions into %s/, ledger head %s\n", len(l.Versions), release.Dir, l.Head())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "samplehistory:", err)
	os.Exit(1)
}

// before drops what did not exist yet on day: processors first used later,
// the transfer to India, the complaints process and the named purposes and
// prose sections.
func before(p *model.Project, day string, purposes, sections []string) {
	p.Processors = slices.DeleteFunc(p.Processors, func(pr *model.Processor) bool {
		return pr.Added != "" && string(pr.Added) > day || pr.Transfer == "india-scc"
	})
	p.Transfers = slices.DeleteFunc(p.Transfers, func(t *model.Transfer) bool { return t.ID == "india-scc" })
	p.Purposes = slices.DeleteFunc(p.Purposes, func(pu *model.Purpose) bool { return slices.Contains(purposes, pu.ID) })
	for _, pr := range p.Processors {
		pr.Purposes = slices.DeleteFunc(pr.Purposes, func(id string) bool { return slices.Contains(purposes, id) })
	}
	p.Sections = slices.DeleteFunc(p.Sections, func(s *model.Section) bool { return slices.Contains(sections, s.ID) })
	eu.Org(p.Organization).Complaints = nil
}

func transfer(p *model.Project, id string) *model.Transfer {
	for _, t := range p.Transfers {
		if t.ID == id {
			return t
		}
	}
	panic("no transfer " + id)
}

// edit2018: before Brexit (Helpwise Ltd made Helpwise established in the
// EU), under the EU-U.S. Privacy Shield and the 2004/2010 clauses, with no
// California notice, no Data Privacy Framework and no AI tools.
func edit2018(p *model.Project, day string) {
	before(p, day, []string{"generative-ai"}, []string{"data-privacy-framework", "artificial-intelligence"})
	model.ExtOf[california.Sections](p.Ext, california.ID).California = nil
	delete(p.Notices, "california")
	eu.Org(p.Organization).DPF = nil
	p.Organization.EstablishedInEU = model.Yes
	eu.Org(p.Organization).Representatives = nil
	p.Cookies.GlobalPrivacyControl = &model.Signal{Honored: model.No,
		Description: "Browsers do not yet send a common opt-out signal; when one is agreed, we will describe how we respond to it here."}
	eu.Transfer(transfer(p, "us-dpf")).Mechanism = "PRIVACY_SHIELD"
	transfer(p, "us-dpf").Description = "Personal data goes to Helpwise, Inc. and to service providers and advertising partners in the United States that are certified under the EU-U.S. Privacy Shield."
	eu.Transfer(transfer(p, "us-dpf")).SafeguardsCopy = "You can check each company's certification on the [Privacy Shield List](https://www.privacyshield.gov/list)."
	eu.Transfer(transfer(p, "us-scc")).Mechanism, eu.Transfer(transfer(p, "us-scc")).SCCModules = "SCC_2010_87", nil
	eu.Transfer(transfer(p, "us-scc-controllers")).Mechanism, eu.Transfer(transfer(p, "us-scc-controllers")).SCCModules = "SCC_2004_915", nil
	// The United Kingdom is in the EU: no transfer, no UK tools.
	p.Transfers = slices.DeleteFunc(p.Transfers, func(t *model.Transfer) bool { return t.ID == "uk-adequacy" })
	for _, t := range p.Transfers {
		eu.Transfer(t).UKMechanism = ""
	}
	for _, pr := range p.Processors {
		if pr.Transfer == "uk-adequacy" {
			pr.Transfer = ""
		}
	}
	for _, s := range p.Sections {
		s.Notices = slices.DeleteFunc(s.Notices, func(n string) bool { return n == "california" })
	}
}

// edit2021: after Brexit and Schrems II: the 2004/2010 clauses for EU and UK
// data (the 2021 clauses are not yet available), a California notice, no
// Data Privacy Framework and no AI tools.
func edit2021(p *model.Project, day string) {
	before(p, day, []string{"generative-ai"}, []string{"data-privacy-framework", "artificial-intelligence"})
	eu.Org(p.Organization).DPF = nil
	for id, mech := range map[string]string{"us-dpf": "SCC_2010_87", "us-scc": "SCC_2010_87", "us-scc-controllers": "SCC_2004_915"} {
		t := transfer(p, id)
		eu.Transfer(t).Mechanism, eu.Transfer(t).UKMechanism, eu.Transfer(t).SCCModules = mech, mech, nil
		eu.Transfer(t).SafeguardsCopy = "Email [privacy@helpwise.example](mailto:privacy@helpwise.example) for a copy of the clauses."
	}
	transfer(p, "us-dpf").Description = "Personal data goes to Helpwise, Inc. and to service providers and advertising partners in the United States, under the European Commission's Standard Contractual Clauses."
	for _, pr := range p.Processors {
		pr.DPFCertified, pr.DPFUKExtension = model.No, model.No
	}
	p.Cookies.GlobalPrivacyControl.ShowsStatus = ""
}

// edit2025: the Data Privacy Framework and AI tools are in; the UK
// complaints duty and the newest processors are not yet.
func edit2025(p *model.Project, day string) {
	before(p, day, nil, nil)
}
