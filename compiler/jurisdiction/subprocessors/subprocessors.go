// Package subprocessors is the rule pack of the sub-processor list: the
// document business customers rely on under GDPR Art. 28(2) (prior notice of
// a new sub-processor, with the chance to object) and EDPB Opinion 22/2024.
// It is a notice like the others: compiled, checked, released, diffed and
// published through the same registry.
package subprocessors

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Pack is the sub-processor list's rule pack.
type Pack struct{}

// New returns the sub-processor list's rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return j.SubprocessorsID }

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "Sub-processor list (GDPR Art. 28(2))" }

// Applies implements jurisdiction.Jurisdiction: the list is published when
// the project lists processors.
func (*Pack) Applies(c *j.Context) (bool, string) {
	if len(c.Project.Processors) == 0 {
		return false, "the project lists no processors"
	}
	return true, "the project lists the processors it uses"
}

// Requirements implements jurisdiction.Jurisdiction. The list's contents
// are required by the model (each processor's name, service, location and
// safeguard); its notice period by release.
func (*Pack) Requirements() []*j.Requirement { return nil }

// Compile implements jurisdiction.Jurisdiction.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	return j.Subprocessors(c), nil
}

// Audience says whom the list is for, on the site's home page.
func (*Pack) Audience() string {
	return "Business customers: the service providers that process personal data for us."
}

// MaterialChangeNoticeDays is changes.subprocessor_notice_days: the notice
// customers get of a new sub-processor.
func (*Pack) MaterialChangeNoticeDays(p *model.Project) int {
	if p == nil || p.Changes == nil {
		return 0
	}
	return p.Changes.SubprocessorNoticeDays
}

// CheckRelease implements jurisdiction.ReleaseChecker: a new sub-processor
// may be used only after customers had changes.subprocessor_notice_days to
// object (GDPR Art. 28(2)), counted from when they were told (notice_sent,
// else the release date).
func (*Pack) CheckRelease(p *model.Project, released string, lastData []byte) error {
	if p == nil || p.Changes == nil || p.Changes.SubprocessorNoticeDays == 0 || lastData == nil {
		return nil // no notice period, or the first list: nothing was added to it
	}
	var snap struct {
		Processors []struct {
			ID string `json:"id"`
		} `json:"processors"`
	}
	if err := json.Unmarshal(lastData, &snap); err != nil {
		return err
	}
	known := map[string]bool{}
	for _, pr := range snap.Processors {
		known[pr.ID] = true
	}
	n := p.Changes.SubprocessorNoticeDays
	for _, pr := range p.Processors {
		if known[pr.ID] || pr.Added == "" {
			continue
		}
		announced := released
		if pr.NoticeSent != "" && string(pr.NoticeSent) < announced {
			announced = string(pr.NoticeSent)
		}
		if got := days(announced, string(pr.Added)); got < n {
			return fmt.Errorf("new sub-processor %s is first used on %s, %d days after customers were told (%s); the notice period is %d days (GDPR Art. 28(2))",
				pr.ID, pr.Added, got, announced, n)
		}
	}
	return nil
}

// days is the number of days from one YYYY-MM-DD date to another.
func days(from, to string) int {
	a, errA := time.Parse(time.DateOnly, from)
	b, errB := time.Parse(time.DateOnly, to)
	if errA != nil || errB != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}
