package pdf

import (
	"strings"

	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// keyPoints writes a notice's key points as a list: each its label in
// bold, its statement, and "See <title>." linking the section with the
// detail.
func (r *renderer) keyPoints(k *notice.KeyPoints, indent float64) {
	r.tag.open("L")
	for _, p := range k.Points {
		var runs []run
		words := r.opts.words()
		if p.Label != "" {
			runs = append(runs, run{text: p.Label, bold: true}, run{text: words.Colon})
		}
		runs = append(runs, inlineRuns(p.Text)...)
		if title, ok := render.PointSection(r.doc, p); ok {
			runs = append(runs, run{text: " " + words.See + " "}, run{text: title, link: "#" + p.Section}, run{text: "."})
		}
		r.item("•", runs, indent)
	}
	r.tag.close()
	r.f.Ln(1.5)
}

// Actions are drawn as a row of buttons that wraps: the primary one
// filled, the others outlined.
const (
	buttonH   = 8.0
	buttonPad = 3.0
	buttonGap = 3.0
)

// actions writes the ways to act as a row of buttons, tagged as a list of
// links.
func (r *renderer) actions(a *notice.Actions, indent float64) {
	f := r.f
	pw, ph := f.GetPageSize()
	left, right := margin+indent, pw-margin
	f.Ln(1)
	x, y := left, f.GetY()
	r.tag.open("L")
	for _, act := range a.Items {
		label := clean(act.Label)
		style := ""
		if act.Primary {
			style = "B"
		}
		r.font(style, bodySize)
		w := min(f.GetStringWidth(label)+2*buttonPad, right-left)
		if x > left && x+w > right { // the next row
			x, y = left, y+buttonH+buttonGap
		}
		if y+buttonH > ph-margin {
			r.tag.artifact()
			f.AddPage()
			x, y = left, f.GetY()
		}
		r.tag.open("LI")
		r.tag.open("LBody")
		uri, anchor := strings.ToValidUTF8(r.resolve(act.URL), ""), ""
		if target, ok := strings.CutPrefix(act.URL, "#"); ok && r.anchors[target] {
			uri, anchor = "", target
		}
		_, name := r.tag.newLink(uri, anchor, label)
		r.tag.artifact()
		f.SetLineWidth(0.4)
		f.SetDrawColor(linkColour[0], linkColour[1], linkColour[2])
		f.SetFillColor(linkColour[0], linkColour[1], linkColour[2])
		if act.Primary {
			f.RoundedRect(x, y, w, buttonH, 1.5, "1234", "FD")
			f.SetTextColor(255, 255, 255)
		} else {
			f.RoundedRect(x, y, w, buttonH, 1.5, "1234", "D")
			f.SetTextColor(linkColour[0], linkColour[1], linkColour[2])
		}
		f.SetLineWidth(0.2)
		r.tag.content()
		f.SetXY(x, y)
		f.CellFormat(w, buttonH, label, "", 0, "C", false, 0, name)
		r.tag.close() // Link
		r.tag.close() // LBody
		r.tag.close() // LI
		x += w + buttonGap
	}
	r.tag.close()
	r.resetStyle(bodySize)
	f.SetXY(margin, y+buttonH+4)
}
