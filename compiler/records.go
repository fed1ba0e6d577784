package compiler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"sync"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu/records"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/release"
)

// recordReference is the packs' reference data with the record's own
// (its rules, records.ReferenceExtension) beside it.
var recordReference = sync.OnceValues(func() (*model.Reference, diag.List) {
	base, diags := Reference()
	own, d := load.Reference(records.ReferenceData(), "reference", records.ReferenceExtension)
	diags.Append(d...)
	ref := &model.Reference{Ext: maps.Clone(base.Ext)}
	maps.Copy(ref.Ext, own.Ext)
	diags.Sort()
	return ref, diags
})

// Records compiles the record of processing activities (GDPR Art. 30(1),
// UK GDPR Art. 30(1)) from the data folder dir of fsys (rooted at the
// project root), as of opts.Date. It loads, checks and compiles the data as
// Check does, so the record is made only from data the notices can be
// published from, then judges the record's own rules (records.Check) and
// builds the record, with the SHA-256 of the data's snapshot and, when
// fsys holds a release ledger (releases/), its head and the notice versions
// in force. It returns the record (nil when the data has errors the
// notices stop at; otherwise built even when the record's rules report
// errors, which then say what it lacks) and every diagnostic, sorted. The
// record's rules never stop Check, Compile or Publish.
func Records(fsys fs.FS, dir string, opts *Options) (*records.Record, diag.List) {
	proj, _, diags := Compile(fsys, dir, opts)
	if diags.HasErrors() {
		return nil, diags
	}
	rec, more := RecordsOf(proj, fsys, opts)
	diags.Append(more...)
	diags.Sort()
	return rec, diags
}

// RecordsOf judges and builds the record of a checked project (see
// Records); fsys, when not nil, is the project root, whose release ledger
// names the versions in force.
func RecordsOf(p *model.Project, fsys fs.FS, opts *Options) (*records.Record, diag.List) {
	c, _, diags := opts.context(p)
	ref, refDiags := recordReference()
	diags.Append(refDiags...)
	c.Reference = ref
	own := records.Check(c)
	own.Sort()
	describe(p, own, opts) // each finding names its item, as check's do
	diags.Append(own...)
	snap, err := release.Snapshot(p)
	if err != nil {
		diags.Add(p.Source.Root, "", "cannot snapshot the data: %v", err)
		diags.Sort()
		return nil, diags
	}
	sum := sha256.Sum256(snap)
	src := records.Source{AsOf: c.Date, DataSHA256: hex.EncodeToString(sum[:])}
	if fsys != nil {
		if l, err := release.Read(fsys, release.Dir); err != nil {
			diags.Add(diag.Pos{File: release.Dir}, "", "cannot read the release ledger: %v", err)
		} else if l != nil && len(l.Notices()) > 0 {
			src.LedgerHead = l.Head()
			for _, id := range packIDs(opts) {
				if v, _ := l.Resolve(id, c.Date); v != nil {
					src.Versions = append(src.Versions, &records.Version{Notice: id, Version: v.ID, Effective: v.Effective})
				}
			}
		}
	}
	diags.Sort()
	return records.Build(c, src), diags
}

// recordFiles adds the record's files to a site's files when the data asks
// for the record to be published and it is complete. An incomplete record
// is not published (a warning says so; disclose records shows what it
// lacks), and never stops the notices.
func recordFiles(p *model.Project, fsys fs.FS, opts *Options, files map[string][]byte) (diag.List, error) {
	if own := records.Of(p); own == nil || !own.Publish.IsYes() {
		return nil, nil
	}
	rec, diags := RecordsOf(p, fsys, opts)
	if rec == nil || diags.HasErrors() {
		var out diag.List
		out.Append(&diag.Diagnostic{Pos: p.Source.Pos(records.PublishPath), Severity: diag.Warning, Path: records.PublishPath,
			Message: "the record of processing activities is not published: it lacks what Art. 30(1) requires (run disclose records to see what)"})
		return out, nil
	}
	js, err := rec.JSON()
	if err != nil {
		return nil, err
	}
	var csv bytes.Buffer
	if err := rec.CSV(&csv); err != nil {
		return nil, err
	}
	pdfBytes, _, err := pdf.Render(rec.Document(), pdf.Options{Language: "en-GB", Version: "data " + rec.Source.DataSHA256[:12]})
	if err != nil {
		return nil, err
	}
	files[records.Files.CSV], files[records.Files.JSON], files[records.Files.PDF] = csv.Bytes(), js, pdfBytes
	return nil, nil
}
