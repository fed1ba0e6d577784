package records

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/internal/csvcell"
)

// JSON returns the record as indented JSON, ending in a newline. Its keys
// are the Record type's JSON names; the README documents them.
func (r *Record) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// csvHead are the CSV's columns: one row per activity, each row a
// complete entry of the record (the controller, representative and DPO
// repeat on every row), so a DPO can sort, filter and split the
// spreadsheet without losing a point of Art. 30(1).
var csvHead = []string{
	"Activity", "Purpose", "Description",
	"Controllers", "Joint controllers", "Representatives", "Data protection officers",
	"Legal bases (EU GDPR)", "Legal bases (UK GDPR)",
	"Data subjects", "Personal data", "Special categories",
	"Recipients", "Third countries and safeguards", "Time limits for erasure",
	"Systems", "Security measures",
	"Data as of", "Data SHA-256",
}

// CSV writes the record as CSV (RFC 4180, CRLF line ends): a header row,
// then one row per activity. A cell holding several values has one per
// line (spreadsheets show them wrapped in the cell); a cell a spreadsheet
// would run as a formula gets a leading apostrophe (csvcell.Text).
func (r *Record) CSV(w io.Writer) error {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	if err := cw.Write(csvHead); err != nil {
		return err
	}
	transfers := map[string]*Transfer{}
	for _, t := range r.Transfers {
		transfers[t.ID] = t
	}
	systems := map[string]*SystemRecord{}
	for _, s := range r.Security.Systems {
		systems[s.ID] = s
	}
	for _, a := range r.Activities {
		var controllers, joint []string
		for _, c := range r.Controllers {
			if slices.Contains(a.Controllers, c.Name) {
				controllers = append(controllers, c.line())
			}
		}
		for _, c := range r.JointControllers {
			if slices.Contains(a.JointControllers, c.Name) {
				joint = append(joint, c.line())
			}
		}
		var reps, dpos []string
		for _, p := range r.Representatives {
			reps = append(reps, p.Role+": "+p.line())
		}
		for _, p := range r.DPOs {
			dpos = append(dpos, p.Role+": "+p.line())
		}
		var subjects, data, special, recipients, xfers, limits, sysNames, measures []string
		for _, s := range a.Subjects {
			subjects = append(subjects, s.Name)
		}
		for _, c := range a.Categories {
			name := c.Name
			if len(c.Examples) > 0 {
				name += " (" + strings.Join(c.Examples, "; ") + ")"
			}
			data = append(data, name)
			if len(c.Special) > 0 {
				special = append(special, c.Name+": "+strings.Join(c.Special, ", "))
			}
			limits = append(limits, c.Name+": "+c.Retention)
		}
		if limit, one := a.oneLimit(); one {
			limits = []string{limit}
		}
		for _, rc := range a.Recipients {
			line := rc.Name
			if third := thirdCountries(rc.ThirdCountriesEU, rc.ThirdCountriesUK); third != "" {
				line += " (third countries: " + third + ")"
			}
			recipients = append(recipients, line)
		}
		for _, id := range a.Transfers {
			if t := transfers[id]; t != nil {
				xfers = append(xfers, t.line(a))
			}
		}
		for _, id := range a.Systems {
			if s := systems[id]; s != nil {
				sysNames = append(sysNames, s.Name)
				measures = append(measures, s.Name+": "+strings.Join(s.Measures, "; "))
			}
		}
		if len(r.Security.Measures) > 0 {
			measures = append(measures, "Throughout: "+strings.Join(r.Security.Measures, "; "))
		}
		row := []string{
			a.ID, a.Purpose, a.Description,
			lines(controllers), lines(joint), lines(reps), lines(dpos),
			lines(a.LegalBases), lines(ukBases(a)),
			lines(subjects), lines(data), lines(special),
			lines(recipients), lines(xfers), lines(limits),
			lines(sysNames), lines(measures),
			string(r.Source.AsOf), r.Source.DataSHA256,
		}
		for k, c := range row {
			row[k] = csvcell.Text(c)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

func lines(items []string) string { return strings.Join(items, "\n") }

// line is a party on one line: its name and contact details.
func (p *Party) line() string {
	parts := []string{p.Name}
	for _, s := range []string{p.Address, p.Email, p.Phone, p.WebForm, p.URL} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// line is a transfer on one line: where, to which of the activity's
// recipients, and under which safeguards.
func (t *Transfer) line(a *Activity) string {
	var to []string
	for _, rc := range a.Recipients {
		if slices.ContainsFunc(t.Recipients, func(n *Named) bool { return n.ID == rc.ID }) {
			to = append(to, rc.Name)
		}
	}
	s := strings.Join(t.Countries, ", ") + " (" + strings.Join(to, ", ") + ")"
	if t.From != "" {
		s += " from " + string(t.From)
	}
	if t.SafeguardEU != "" {
		s += ": EU: " + t.SafeguardEU
	}
	if t.SafeguardUK != "" {
		if t.SafeguardEU != "" {
			s += ";"
		} else {
			s += ":"
		}
		s += " UK: " + t.SafeguardUK
	}
	if t.Documentation != "" {
		s += "; documentation: " + t.Documentation
	}
	return s
}

// ukBases is an activity's legal bases under the UK GDPR: the data gives
// them only where they differ from the EU ones.
func ukBases(a *Activity) []string {
	if len(a.UKLegalBases) > 0 {
		return a.UKLegalBases
	}
	return a.LegalBases
}
